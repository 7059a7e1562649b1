package inspect

import (
	"github.com/dop251/goja"
)

// kind returns goja's class name of o ("Array", "Function", "Date",
// "RegExp", "Error", "Number", "String", "Boolean", "Arguments", ...), with
// "Promise" for promises; kind.js tells the other built-ins apart.
func kind(o *goja.Object) string {
	if _, ok := o.Export().(*goja.Promise); ok {
		return "Promise"
	}
	if c := o.ClassName(); c != "Arguments" {
		return c
	}
	return "Object"
}

// newHost returns the Go helpers the JS formatter calls.
func newHost(vm *goja.Runtime) *goja.Object {
	h := vm.NewObject()
	_ = h.Set("budget", Budget)
	_ = h.Set("kind", func(v goja.Value) string {
		if o, ok := v.(*goja.Object); ok {
			return kind(o)
		}
		return ""
	})
	_ = h.Set("isArguments", func(v goja.Value) bool {
		o, ok := v.(*goja.Object)
		return ok && o.ClassName() == "Arguments"
	})
	_ = h.Set("functionType", func(v goja.Value) string {
		return functionType(vm, v)
	})
	_ = h.Set("promise", func(v goja.Value) []interface{} {
		p, ok := v.Export().(*goja.Promise)
		if !ok {
			return []interface{}{"pending", goja.Undefined()}
		}
		switch p.State() {
		case goja.PromiseStateFulfilled:
			return []interface{}{"fulfilled", p.Result()}
		case goja.PromiseStateRejected:
			return []interface{}{"rejected", p.Result()}
		}
		return []interface{}{"pending", goja.Undefined()}
	})
	return h
}

// functionType is the type word Node prints for a function: Function,
// AsyncFunction, GeneratorFunction or AsyncGeneratorFunction, read from the
// constructor of its prototype chain's built-in function prototype.
func functionType(vm *goja.Runtime, v goja.Value) string {
	o, ok := v.(*goja.Object)
	if !ok {
		return "Function"
	}
	for p := o.Prototype(); p != nil; p = p.Prototype() {
		c := p.Get("constructor")
		if c == nil {
			continue
		}
		if co, ok := c.(*goja.Object); ok {
			switch n := co.Get("name").String(); n {
			case "AsyncFunction", "GeneratorFunction", "AsyncGeneratorFunction":
				return n
			}
		}
	}
	return "Function"
}
