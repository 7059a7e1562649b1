package querystring

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/nodediff"
)

var rows = []string{
	`JSON.stringify(qs.parse('a=1&b=2&a=3&c'))`,
	`Object.getPrototypeOf(qs.parse('a=1')) === null`,
	`JSON.stringify(qs.parse('x=a+b%20c&y=%E2%9C%93&z=%ZZ&w=%E2%9C'))`,
	`JSON.stringify(qs.parse('&&a=1=2&=v&k=&'))`,
	`JSON.stringify(qs.parse('a:1;b:2', ';', ':'))`,
	`JSON.stringify(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 }))`,
	`JSON.stringify(qs.parse('a=%41', null, null, { decodeURIComponent: function (s) { return s.toLowerCase(); } }))`,
	`JSON.stringify(qs.parse(5)) + JSON.stringify(qs.parse(''))`,
	`qs.stringify({ a: [1, 2], b: 'x y', c: true, d: null, e: undefined, f: NaN, g: {}, h: [] })`,
	`qs.stringify({ 'k y': 'v&=', u: 'ü€😀', s: "-_.!~*'()" })`,
	`qs.stringify({ a: 1, b: 2 }, ';', ':') + qs.stringify('str') + qs.stringify(null)`,
	`qs.stringify({ a: 'A b' }, null, null, { encodeURIComponent: function (s) { return s.toUpperCase(); } })`,
	`qs.escape('a b&c/d?e=é') + ' ' + qs.escape(12) + ' ' + qs.escape({ toString: function () { return 'o k'; } })`,
	`qs.unescape('a%20b+c%zz%E2%9C%93')`,
	`var e; try { qs.escape('\uD800'); } catch (x) { e = [x.name, x.message, x.code]; } e`,
	`qs.encode === qs.stringify && qs.decode === qs.parse`,
	`qs.stringify({ n: 1e21, m: -0, big: 12n })`,
}

func newVM(t *testing.T) func(string) *goja.Runtime {
	return func(string) *goja.Runtime {
		vm := goja.New()
		exports, err := Require(vm)
		if err != nil {
			t.Fatal(err)
		}
		_ = vm.Set("require", func(string) goja.Value { return exports })
		return vm
	}
}

func TestDifferential(t *testing.T) {
	nodediff.Compare(t, "var qs = require('querystring')", newVM(t), rows)
}
