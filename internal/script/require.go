package script

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// requireFunc returns `require`. It is a constructor, because `new
// require('oauth')` returns module.exports in Node and the Auth0 guide's
// script relies on it (docs/auth0.md "The sandbox"): `new require('oauth').OAuth`. There is no
// source loader at all, so require can never read the host disk (docs/fidelity.md "goja").
func (r *registry) requireFunc() func(goja.ConstructorCall) *goja.Object {
	modules := r.modules
	cache := map[string]*goja.Object{}
	return func(call goja.ConstructorCall) *goja.Object {
		arg := call.Argument(0)
		if _, ok := arg.Export().(string); !ok {
			panic(r.h.nodeError("TypeError", fmt.Sprintf(`The "id" argument must be of type string. Received %s`, describeArg(arg)),
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
func (r *registry) moduleNotFound(name string, modules map[string]func() *goja.Object) goja.Value {
	var names []string
	for n := range modules {
		names = append(names, "'"+n+"'")
	}
	sort.Strings(names)
	list := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	msg := fmt.Sprintf("Cannot find module '%s' (the bridge sandbox provides only %s; "+
		"Auth0's sandbox may offer more, but a script needing it cannot be checked here)", name, list)
	return r.h.nodeError("Error", msg, map[string]any{"code": "MODULE_NOT_FOUND"})
}
