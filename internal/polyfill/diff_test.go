package polyfill

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/nodediff"
	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// rows run on real Node 22 and Node 18 and on goja with Install(runtime):
// both sides must give the same value or the same error name and message.
var rows = []string{
	`JSON.stringify(Object.groupBy([1,2,3,4], function (x) { return x % 2 ? 'odd' : 'even'; }))`,
	`Object.getPrototypeOf(Object.groupBy([], function () {}))`,
	`JSON.stringify([...Map.groupBy([1,2,3], function (x) { return x > 1; })])`,
	`Object.keys(Object).indexOf('groupBy')`,
	`typeof Promise.withResolvers`,
	`var r = Promise.withResolvers(); Object.keys(r).join()`,
	`['ab', 'a\uD800', '\uDC00b', '\uD83D\uDE00'].map(function (s) { return s.isWellFormed(); })`,
	`'a\uD800b'.toWellFormed() === 'a\uFFFDb'`,
	`[3,1,2].toSorted().join() + [1,2].toReversed().join()`,
	`[1,2,3].with(1, 9).join() + [1,2,3].toSpliced(0, 1).join()`,
	`[1,2,3,4].findLast(function (x) { return x % 2; }) + [1,2,3].findLastIndex(function (x) { return x < 3; })`,
	`[...new Set([1,2]).union(new Set([2,3]))]`,
	`[...new Set([1,2]).intersection(new Set([2,3]))]`,
	`[...new Set([1,2]).symmetricDifference(new Set([2,3]))]`,
	`new Set([1]).isSubsetOf(new Set([1,2])) + ' ' + new Set([1]).isDisjointFrom(new Set([2]))`,
	`var e = new Error('x', { cause: 'y' }); e.cause + Object.keys(e).length + ('cause' in new Error('z'))`,
	`Object.getOwnPropertyDescriptor(new Error('x', { cause: 1 }), 'cause').enumerable`,
	`(1234567.891).toLocaleString('en-US')`,
	`(1234567.891).toLocaleString()`,
	`(0.5).toLocaleString('en-US') + (-1234.5).toLocaleString('en-US', { minimumFractionDigits: 2 })`,
	`(1e6).toLocaleString('en-US', { maximumFractionDigits: 0 }) + ' ' + (12.3456).toLocaleString('en-US')`,
	`(NaN).toLocaleString('en-US') + (-0).toLocaleString()`,
	`[1.0005, 2.5, 0.0125, 999.9999, 1e21, 123.456789, 0.1 + 0.2].map(function (x) { return x.toLocaleString(); })`,
	`[(2.5).toLocaleString('en', { maximumFractionDigits: 0 }), (1.005).toLocaleString('en-US', { maximumFractionDigits: 2 }), (5).toLocaleString('en-US', { minimumFractionDigits: 1 })]`,
	`typeof new Uint8Array([2, 1]).toSorted + typeof new Uint8Array(1).with + typeof new Uint8Array(1).toReversed`,
	`[typeof Array.fromAsync, Array.fromAsync && Array.fromAsync.length, typeof Array.prototype.at, typeof Object.hasOwn, typeof ''.replaceAll]`,
	`Object.keys(Number.prototype).length + Object.keys(Array.prototype).length + Object.keys(String.prototype).length`,
}

func newVM(t *testing.T) func(string) *goja.Runtime {
	return func(runtime string) *goja.Runtime {
		vm := goja.New()
		if err := Install(vm, runtime); err != nil {
			t.Fatal(err)
		}
		return vm
	}
}

func TestDifferential(t *testing.T) {
	nodediff.CompareWith(t, "", newVM(t), rows, nodediff.SameOrMissingMethod)
}

// asyncScript checks what needs the job queue: out() records results.
const asyncScript = `
Array.fromAsync([1, Promise.resolve(2), 3], function (x) { return x * 10; }).then(function (a) { out(['sync', a]); });
Array.fromAsync({ length: 2, 0: 'a', 1: Promise.resolve('b') }).then(function (a) { out(['arraylike', a]); });
var n = 0, it = { [Symbol.asyncIterator]: function () { return { next: function () { n++; return Promise.resolve({ done: n > 2, value: n }); } }; } };
Array.fromAsync(it).then(function (a) { out(['async', a]); });
Array.fromAsync(null).catch(function (e) { out(['null', e.name]); });
var r = Promise.withResolvers(); r.promise.then(function (v) { out(['resolvers', v]); }); r.resolve('ok');
`

func TestAsyncNode22(t *testing.T) {
	want := nodediff.Run(t, testenv.Node22, "function out(v) { console.log(JSON.stringify(v)); }"+asyncScript)
	vm := newVM(t)(testenv.Node22.Name)
	var got []string
	_ = vm.Set("out", func(v goja.Value) {
		b, _ := json.Marshal(v.Export())
		got = append(got, string(b))
	})
	if _, err := vm.RunString(asyncScript); err != nil {
		t.Fatal(err)
	}
	// The order in which independent promises settle may differ by a few
	// microtask ticks (docs/node-runtime.md); the results must not.
	sort.Strings(got)
	lines := strings.Split(strings.TrimSpace(want), "\n")
	sort.Strings(lines)
	want = strings.Join(lines, "\n") + "\n"
	if g := strings.Join(got, "\n") + "\n"; g != want {
		t.Fatalf("async built-ins\n node: %s\n goja: %s", want, g)
	}
}

func TestUnknownRuntime(t *testing.T) {
	if err := Install(goja.New(), "node20"); err == nil {
		t.Fatal("Install(node20) succeeded; want an error naming the runtimes")
	}
}
