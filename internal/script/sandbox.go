package script

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// install sets up the sandbox's globals: require (native modules only),
// console, timers, the small Node globals (node_globals.go), V8's JSON.parse
// messages and en-US toLocaleString. Nothing else of Node is there: no
// process (goja_nodejs's copies os.Environ(), docs/fidelity.md "goja"), no Buffer, no fs
// (doc.go lists what is missing).
func (r *runner) install() {
	g := r.vm.GlobalObject()
	_ = g.Set("global", g)
	r.installConsole()
	r.installTimers()
	r.installJSONParse()
	r.installNodeGlobals()
	r.installV8CatchHook()
	r.installLocale()
	r.loadOAuthHelpers()
	_ = g.Set("require", r.requireFunc())
}

// nativeModules are the only modules a script can require (docs/auth0.md "The sandbox").
func (r *runner) nativeModules() map[string]func() *goja.Object {
	return map[string]func() *goja.Object{
		"oauth":   r.oauthModule,
		"request": r.requestModule,
		"crypto":  r.cryptoModule,
	}
}

// requireFunc returns `require`. It is a constructor, because `new
// require('oauth')` returns module.exports in Node and the Auth0 guide's
// script relies on it (docs/auth0.md "The sandbox"): `new require('oauth').OAuth`. There is no
// source loader at all, so require can never read the host disk (docs/fidelity.md "goja").
func (r *runner) requireFunc() func(goja.ConstructorCall) *goja.Object {
	modules := r.nativeModules()
	cache := map[string]*goja.Object{}
	return func(call goja.ConstructorCall) *goja.Object {
		arg := call.Argument(0)
		if _, ok := arg.Export().(string); !ok {
			panic(r.nodeError("TypeError", fmt.Sprintf(`The "id" argument must be of type string. Received %s`, describeArg(arg)),
				map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
		}
		name := arg.String()
		if name == "node:crypto" { // a built-in of Node's may be named with the node: scheme
			name = "crypto"
		}
		if m, ok := cache[name]; ok {
			return m
		}
		load, ok := modules[name]
		if !ok {
			panic(r.moduleNotFound(name, modules))
		}
		m := load()
		cache[name] = m
		return m
	}
}

// moduleNotFound is Node's error for an unknown module, with a note on what
// the harness provides.
func (r *runner) moduleNotFound(name string, modules map[string]func() *goja.Object) goja.Value {
	var names []string
	for n := range modules {
		names = append(names, "'"+n+"'")
	}
	sort.Strings(names)
	list := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	msg := fmt.Sprintf("Cannot find module '%s' (the bridge sandbox provides only %s; "+
		"Auth0's sandbox may offer more, but a script needing it cannot be checked here)", name, list)
	return r.nodeError("Error", msg, map[string]any{"code": "MODULE_NOT_FOUND"})
}

// nodeError builds an Error of the named constructor with Node-style extra
// properties such as code, errno and syscall.
func (r *runner) nodeError(ctor, message string, props map[string]any) *goja.Object {
	c, _ := r.vm.Get(ctor).(*goja.Object)
	obj, err := r.vm.New(c, r.vm.ToValue(message))
	if err != nil {
		obj = r.vm.NewGoError(fmt.Errorf("%s", message))
	}
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		_ = obj.Set(k, props[k])
	}
	if code, _ := props["code"].(string); strings.HasPrefix(code, "ERR_") {
		r.nodeErrorCode(obj, ctor, code)
	}
	return obj
}

// nodeErrorCode gives obj the look of Node's internal errors
// (lib/internal/errors.js NodeError): String(err) and the stack's first line
// read "TypeError [ERR_X]: message". Like Node's, toString is not an own
// enumerable key, so Object.keys(err) is still ['code'].
func (r *runner) nodeErrorCode(obj *goja.Object, name, code string) {
	header := name + " [" + code + "]: " + obj.Get("message").String()
	_ = obj.DefineDataProperty("toString", r.vm.ToValue(func(goja.FunctionCall) goja.Value { return r.vm.ToValue(header) }),
		goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if st := obj.Get("stack"); st != nil && !goja.IsUndefined(st) {
		stack := st.String()
		if _, rest, ok := strings.Cut(stack, "\n"); ok {
			stack = header + "\n" + rest
		} else {
			stack = header
		}
		_ = obj.DefineDataProperty("stack", r.vm.ToValue(stack), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// describeArg says what an argument is, as Node's ERR_INVALID_ARG_TYPE does.
func describeArg(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if _, ok := v.(*goja.Object); ok {
		if _, fn := goja.AssertFunction(v); fn {
			return "function"
		}
		return "an instance of Object"
	}
	return fmt.Sprintf("type %s (%s)", typeOf(v), v.String())
}

func typeOf(v goja.Value) string {
	switch v.Export().(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	case int64, float64:
		return "number"
	}
	return "object"
}
