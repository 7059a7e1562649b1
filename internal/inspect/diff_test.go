package inspect

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/nodediff"
)

// rows compare util.inspect and util.format (what console.log prints) with
// real Node 22 and Node 18. Errors get a fixed stack so both engines print
// the same frames.
var rows = []string{
	`util.inspect({ a: 1 })`,
	`util.inspect([1, 2])`,
	`util.inspect({ a: { b: { c: { d: 1 } } } })`,
	`util.inspect([[[[1]]]])`,
	`util.inspect({ a: { b: { c: {} } }, e: [[[]]] })`,
	`util.inspect('it\'s')`,
	`util.inspect('a"b\'c')`,
	`util.inspect({ s: 'x', n: null, u: undefined, t: true, f: -0, g: 1.5, big: 10n })`,
	`util.inspect({ 'a-b': 1, _c: 2, 3: 4 })`,
	`util.inspect({ s: 'tab\there\nnl\u0001\x7f\\' })`,
	`util.inspect(function foo() {}) + util.inspect(() => 1) + util.inspect(class A {})`,
	`util.inspect({ f: function () {}, g: async function g() {} })`,
	`util.inspect(new Date(0))`,
	`util.inspect(new Map([['a', 1], [{ k: 1 }, [2]]]))`,
	`util.inspect(new Set([1, 'two', [3]]))`,
	`util.inspect(new Map()) + util.inspect(new Set())`,
	`var o = { name: 'o' }; o.self = o; util.inspect(o)`,
	`var a = { x: {} }; a.x.back = a; a.x.me = a.x; util.inspect(a)`,
	`util.inspect(Array.from({ length: 120 }, function (_, i) { return i; }))`,
	`util.inspect(Array.from({ length: 30 }, function (_, i) { return 'item' + i; }))`,
	`util.inspect({ a: 'x'.repeat(50), b: 'y'.repeat(30) })`,
	`util.inspect([{ a: 'x'.repeat(50), b: 'y'.repeat(30) }])`,
	`util.inspect({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14, o: 15, p: 16, q: 17 })`,
	`util.inspect([1, , 3, , , 6])`,
	`util.inspect(Object.create(null))`,
	`var q = Object.create(null); q.a = '1'; util.inspect(q)`,
	`function Foo() { this.x = 1; } util.inspect(new Foo()) + util.inspect(new (class Bar {})())`,
	`util.inspect({ get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} })`,
	`util.inspect([Symbol('s'), { [Symbol('k')]: 1 }])`,
	`util.inspect(/ab+c/gi) + util.inspect(new Number(3)) + util.inspect(new String('s')) + util.inspect(Object(true))`,
	`var e = new Error('boom'); e.stack = 'Error: boom\n    at f (x.js:1:2)'; util.inspect(e)`,
	`var e = new Error('boom'); e.stack = 'Error: boom\n    at f (x.js:1:2)'; util.inspect({ err: e })`,
	`var e = new TypeError('bad'); e.stack = 'TypeError: bad'; e.code = 'E1'; util.inspect(e)`,
	`var e = new Error('outer', { cause: 'inner' }); e.stack = 'Error: outer\n    at g (y.js:3:4)'; util.inspect(e)`,
	`var o = {}; for (var i = 0; i < 60; i++) o = { a: o, b: o }; util.inspect(o)`,
	`util.inspect({ a: { b: { c: { d: { e: 1 } } } } }, { depth: 0 }) + util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: null })`,
	`util.inspect('x'.repeat(20), { maxStringLength: 5 }) + util.inspect([1, 2, 3], { maxArrayLength: 1 })`,
	`util.inspect({ a: [1, 2, 3], b: 'long'.repeat(5) }, { breakLength: 20 })`,
	`util.inspect({ a: [1, 2, 3], b: { c: 1 } }, { compact: false })`,
	`util.inspect((function () { return arguments; })(1, 'a'))`,
	`util.inspect(Promise.resolve(42)) + util.inspect(new Promise(function () {}))`,
	`util.inspect(new Uint8Array([1, 2, 3])) + util.inspect(new WeakMap())`,
	`util.inspect([undefined, null, NaN, -0, Infinity])`,
	`util.inspect({ arr: [[1, 2, [3, 4, [5, [6]]]]] })`,
	`util.format('%s:%d:%i:%f', 'a', 42.5, 42.5, '1.5e3') + '|' + util.format('%j', { a: [1] })`,
	`util.format('%o|%O', { a: { b: { c: { d: { e: 1 } } } } }, { a: { b: { c: { d: 1 } } } })`,
	`util.format('100%% %s', 'done', 'extra', 3, { a: 1 })`,
	`util.format('%s %s', { a: { b: { c: 1 } } }, [1, [2, [3]]]) + util.format('%s', { toString: function () { return 'T'; } })`,
	`var c = {}; c.c = c; util.format('%j %d %d %i', c, '0x10', Symbol('s'), 12n)`,
	`util.format(1, 'a', { b: 'c' }, ['d'], null, undefined) + util.format('%s') + util.format('a%', 1) + util.format('%x', 1)`,
	`util.format({ user: { name: 'Ann', emails: ['a@x', 'b@x'] }, ok: true })`,
	`util.format('%c%s', 'color: red', 'styled') + util.format('%s', -0) + util.format('%d', '') + util.format('%s', null)`,
}

func newVM(t *testing.T) func(string) *goja.Runtime {
	return func(string) *goja.Runtime {
		vm := goja.New()
		in, err := New(vm)
		if err != nil {
			t.Fatal(err)
		}
		util := vm.NewObject()
		_ = util.Set("inspect", in.InspectFunc())
		_ = util.Set("format", in.FormatFunc())
		_ = vm.Set("require", func(string) goja.Value { return util })
		return vm
	}
}

func TestDifferential(t *testing.T) {
	nodediff.Compare(t, "var util = require('util')", newVM(t), rows)
}
