package inspect

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

//go:embed primitive.js
var primitiveJS string

//go:embed kind.js
var kindJS string

//go:embed value.js
var valueJS string

//go:embed describe.js
var describeJS string

//go:embed entries.js
var entriesJS string

//go:embed error.js
var errorJS string

//go:embed reduce.js
var reduceJS string

//go:embed format.js
var formatJS string

// Budget bounds the objects one inspect call formats in full; past it, the
// remaining nested objects print as [Object], as Node does once its output
// budget (2^27 characters) is spent. It keeps a DAG such as
// o = {a: o, b: o} repeated 60 times fast even with depth: null.
const Budget = 1000

var (
	compileOnce sync.Once
	program     *goja.Program
	compileErr  error
)

func compiled() (*goja.Program, error) {
	compileOnce.Do(func() {
		src := "(function (host) {\n" + strings.Join([]string{primitiveJS, kindJS, valueJS, describeJS, entriesJS, errorJS, reduceJS, formatJS}, "\n") + "\n})"
		program, compileErr = goja.Compile("node:internal/util/inspect", src, true)
	})
	return program, compileErr
}

// Inspector formats values of one goja runtime.
type Inspector struct {
	vm      *goja.Runtime
	inspect goja.Callable
	format  goja.Callable
	exports *goja.Object
}

// New builds an Inspector for vm. Build it before the script runs, so that
// the formatter captures the original built-ins.
func New(vm *goja.Runtime) (*Inspector, error) {
	prog, err := compiled()
	if err != nil {
		return nil, fmt.Errorf("inspect: compile: %w (this is a bug in bridge)", err)
	}
	fnv, err := vm.RunProgram(prog)
	if err != nil {
		return nil, fmt.Errorf("inspect: load: %w (this is a bug in bridge)", err)
	}
	fn, _ := goja.AssertFunction(fnv)
	res, err := fn(goja.Undefined(), newHost(vm))
	if err != nil {
		return nil, fmt.Errorf("inspect: init: %w (this is a bug in bridge)", err)
	}
	obj := res.ToObject(vm)
	in := &Inspector{vm: vm, exports: obj}
	in.inspect, _ = goja.AssertFunction(obj.Get("inspect"))
	in.format, _ = goja.AssertFunction(obj.Get("format"))
	return in, nil
}

// InspectFunc is util.inspect(value, options) as a JS function.
func (in *Inspector) InspectFunc() goja.Value { return in.exports.Get("inspect") }

// FormatFunc is util.format(format, ...args) as a JS function; console.log
// prints FormatFunc(...args) followed by a newline.
func (in *Inspector) FormatFunc() goja.Value { return in.exports.Get("format") }

// KindFunc is kindOf(value) as a JS function: the internal class of an
// object as util.types sees it ("Array", "Date", "RegExp", "Error", "Map",
// "Set", "WeakMap", "WeakSet", "Promise", "TypedArray", "Function",
// boxed "Number"/"String"/"Boolean"/"Symbol"/"BigInt", else "Object").
func (in *Inspector) KindFunc() goja.Value { return in.exports.Get("kindOf") }

// Inspect returns util.inspect(v) with Node's default options.
func (in *Inspector) Inspect(v goja.Value) (string, error) {
	res, err := in.inspect(goja.Undefined(), v)
	if err != nil {
		return "", err
	}
	return res.String(), nil
}

// Format returns util.format(args...), the text console.log(args...) prints
// (without the trailing newline). Errors come from user code it calls, such
// as a throwing getter or toJSON.
func (in *Inspector) Format(args ...goja.Value) (string, error) {
	res, err := in.format(goja.Undefined(), args...)
	if err != nil {
		return "", err
	}
	return res.String(), nil
}
