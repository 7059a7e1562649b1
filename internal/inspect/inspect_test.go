package inspect

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func newInspector(t testing.TB) (*goja.Runtime, *Inspector) {
	vm := goja.New()
	in, err := New(vm)
	if err != nil {
		t.Fatal(err)
	}
	return vm, in
}

// A goja stack ("\n\tat f (<eval>:1:22(3))") prints with V8's indentation
// and without brackets, as a Node stack does.
func TestGojaStack(t *testing.T) {
	vm, in := newInspector(t)
	v, err := vm.RunString("function f() { return new Error('boom'); } f()")
	if err != nil {
		t.Fatal(err)
	}
	got, err := in.Inspect(v)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, "Error: boom\n    at f (") || strings.Contains(got, "\t") {
		t.Fatalf("Inspect(error) = %q, want V8-style frames", got)
	}
}

// depth: null on a DAG of 2^60 paths stays bounded by Budget: nested
// objects past it print as [Object].
func TestBudgetBoundsDAG(t *testing.T) {
	vm, in := newInspector(t)
	v, err := vm.RunString("var o = {}; for (var i = 0; i < 60; i++) o = { a: o, b: o }; o")
	if err != nil {
		t.Fatal(err)
	}
	res, ok := goja.AssertFunction(in.InspectFunc())
	if !ok {
		t.Fatal("inspect is not a function")
	}
	opts, _ := vm.RunString("({ depth: null })")
	out, callErr := res(goja.Undefined(), v, opts)
	if callErr != nil {
		t.Fatal(callErr)
	}
	s := out.String()
	if !strings.Contains(s, "[Object]") || len(s) > 50*Budget*60 {
		t.Fatalf("depth:null DAG printed %d chars, want a bounded output with [Object]", len(s))
	}
}

func TestFormatArgs(t *testing.T) {
	vm, in := newInspector(t)
	got, err := in.Format(vm.ToValue("%s has %d"), vm.ToValue("x"), vm.ToValue(3), vm.ToValue("tail"))
	if err != nil || got != "x has 3 tail" {
		t.Fatalf("Format = %q, %v", got, err)
	}
}

func BenchmarkInspectDAG(b *testing.B) {
	vm, in := newInspector(b)
	v, _ := vm.RunString("var o = {}; for (var i = 0; i < 60; i++) o = { a: o, b: o }; o")
	for i := 0; i < b.N; i++ {
		if _, err := in.Inspect(v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		newInspector(b)
	}
}
