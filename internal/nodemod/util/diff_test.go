package util

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/inspect"
	"github.com/jira-auth0-bridge/bridge/internal/nodediff"
	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

var rows = []string{
	`util.format('%s=%d %j', 'n', 7, { a: 1 }) + '|' + util.inspect({ a: [1, { b: 2 }] })`,
	`Object.keys(util.types).length > 5 && [util.types.isDate(new Date()), util.types.isRegExp(/x/), util.types.isPromise(Promise.resolve()), util.types.isMap(new Map()), util.types.isSet({}), util.types.isNativeError(new TypeError('x')), util.types.isNativeError({ name: 'Error' })]`,
	`var e; try { util.promisify(1); } catch (x) { e = [x.name, x.code, x.message]; } e`,
	`var f = function named(a, cb) { cb(null, a); }; f.extra = 1; var p = util.promisify(f); [typeof p, p.name, p.extra, util.promisify(p) === p, util.promisify.custom === Symbol.for('nodejs.util.promisify.custom')]`,
	`var g = function () {}; g[util.promisify.custom] = function () { return 'custom'; }; util.promisify(g)()`,
	`function A() {} function B() {} util.inherits(A, B); [new A() instanceof B, A.super_ === B, Object.keys(A).length]`,
	`var e; try { util.inherits(function () {}, null); } catch (x) { e = [x.name, x.code, x.message]; } e`,
	`util.isArray([]) + ' ' + util.deprecate(function (x) { return x * 2; }, 'msg')(21)`,
}

// asyncScript resolves promisified calls; out() records results in order.
const asyncScript = `
var ok = util.promisify(function (a, b, cb) { cb(null, a + b); });
var bad = util.promisify(function (cb) { cb(new RangeError('nope')); });
var obj = { v: 5, get: util.promisify(function (cb) { cb(null, this.v); }) };
ok(1, 2).then(function (v) { out(['ok', v]); });
bad().catch(function (e) { out(['bad', e.name, e.message]); });
obj.get().then(function (v) { out(['this', v]); });
`

func newVM(t *testing.T) func(string) *goja.Runtime {
	return func(string) *goja.Runtime {
		vm := goja.New()
		in, err := inspect.New(vm)
		if err != nil {
			t.Fatal(err)
		}
		exports, err := Require(vm, in)
		if err != nil {
			t.Fatal(err)
		}
		_ = vm.Set("require", func(string) goja.Value { return exports })
		return vm
	}
}

func TestDifferential(t *testing.T) {
	nodediff.Compare(t, "var util = require('util')", newVM(t), rows)
}

func TestPromisifyAsync(t *testing.T) {
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		want := nodediff.Run(t, rt, "var util = require('util'); function out(v) { console.log(JSON.stringify(v)); }"+asyncScript)
		vm := newVM(t)(rt.Name)
		var got []string
		_ = vm.Set("out", func(v goja.Value) {
			b, _ := json.Marshal(v.Export())
			got = append(got, string(b))
		})
		if _, err := vm.RunString("var util = require('util');" + asyncScript); err != nil {
			t.Fatal(err)
		}
		if g := strings.Join(got, "\n") + "\n"; g != want {
			t.Fatalf("promisify results\n node: %s\n goja: %s", want, g)
		}
	})
}
