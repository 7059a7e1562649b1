package inspect

import (
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/nodediff"
)

// moreRows cover line breaking and grouping edge cases: nested arrays,
// mixed-width entries, indentation of nested multi-line values.
var moreRows = []string{
	`util.inspect([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h'], ['i', 'j'], ['k', 'l'], ['m', 'n']])`,
	`util.inspect({ list: Array.from({ length: 26 }, function (_, i) { return String.fromCharCode(97 + i).repeat(i % 5 + 1); }) })`,
	`util.inspect([1, 22, 333, 4444, 55555, 666666, 7777777, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])`,
	`util.inspect([{ id: 1, name: 'alpha' }, { id: 2, name: 'beta' }, { id: 3, name: 'gamma' }, { id: 4, name: 'delta' }])`,
	`util.inspect({ user: { id: 'auth0|123', email: 'a@b.c', email_verified: true, name: 'Ann Example', picture: 'https://x.example/p.png', groups: ['a', 'b'] } })`,
	`util.inspect([new Error('x'), 1].map(function (v) { if (v instanceof Error) v.stack = 'Error: x\n    at a (b.js:1:1)\n    at c (d.js:2:2)'; return v; }))`,
	`var e = new RangeError('r'); e.stack = 'RangeError: r\n    at z (q.js:9:9)'; e.name = 'Custom'; util.inspect(e)`,
	`class MyErr extends Error {} var e = new MyErr('m'); e.stack = 'Error: m\n    at y (w.js:1:1)'; util.inspect(e)`,
	`var e = new Error('no frames'); e.stack = 'Error: no frames'; util.inspect({ nested: { e: e } })`,
	`util.inspect({ [Symbol.toStringTag]: 'Tagged', a: 1 }) + util.inspect(new (class Foo { get [Symbol.toStringTag]() { return 'Bar'; } })())`,
	`util.inspect(Array(150).fill('ab'))`,
	`util.inspect(new Map([[1, { a: { b: { c: 1 } } }]]))`,
	`util.inspect({ a: 'multi\nline\nstring that is quite long indeed to force a split', b: 1 })`,
	`util.inspect({ fn: Object.assign(function f() {}, { x: 1 }) })`,
	`util.inspect([1.5, -2, 0.1, 3e21, 1e-7, 123456789, 2, 3, 4])`,
	`util.format('%s', [1, [2, [3, [4]]]]) + util.format('%s', new Map([[1, 2]])) + util.format('%s', new Error('e').message)`,
	`util.format('%o', [1, { a: 2 }])`,
	`util.format('%d%%', 50) + util.format('%s', Symbol('q')) + util.format('%i', 3.9) + util.format('%f', 'x')`,
}

func TestDifferentialMore(t *testing.T) {
	nodediff.Compare(t, "var util = require('util')", newVM(t), moreRows)
}

var hiddenRows = []string{
	`util.format('%o', [1, { a: 2 }])`,
	`util.format('%o', { a: [ 'x' ], b: 'y' })`,
	`util.format('%o', { p: Object.create({ constructor: function Fake() {} }) })`,
}

// With %o (showHidden), V8 and goja differ in the own properties they
// hold, not in formatting: V8's sloppy functions have own arguments and
// caller, and Node 22's error stack is an accessor. Not compared:
//   util.format('%o', function foo(a, b) {})
//   util.format('%o', errorWithStack)

func TestDifferentialHidden(t *testing.T) {
	nodediff.Compare(t, "var util = require('util')", newVM(t), hiddenRows)
}
