package script

import (
	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/inspect"
	"github.com/jira-auth0-bridge/bridge/internal/nodemod"
	"github.com/jira-auth0-bridge/bridge/internal/polyfill"
	"github.com/jira-auth0-bridge/bridge/internal/v8"
)

// runtimeName is the Node of Options.Runtime as internal/polyfill and
// internal/nodemod name it: node18, or node22 (the default) for any other.
func (h *host) runtimeName() string {
	if h.v8Runtime() == v8.Node18 {
		return "node18"
	}
	return "node22"
}

// inspector is the run's util.inspect (internal/inspect), built on first
// use and shared by console and require('util'), so that both print alike.
type inspector struct {
	h  *host
	in *inspect.Inspector
}

// get returns the run's Inspector; a failure to build it is a bug in bridge
// and is thrown into the script as an error.
func (i *inspector) get() *inspect.Inspector {
	if i.in == nil {
		in, err := inspect.New(i.h.vm)
		if err != nil {
			panic(i.h.vm.NewGoError(err))
		}
		i.in = in
	}
	return i.in
}

// polyfills gives the runtime the built-ins of the selected Node
// (internal/polyfill; docs/node-runtime.md "Built-ins"). It installs after
// locale, so Number.prototype.toLocaleString is internal/polyfill's.
type polyfills struct{ h *host }

func (p *polyfills) install() {
	if err := polyfill.Install(p.h.vm, p.h.runtimeName()); err != nil {
		panic(err)
	}
}

// nodeModules adds the modules of internal/nodemod (jsonwebtoken,
// querystring, url, util; docs/auth0.md "Runtimes") to require's table.
func nodeModules(h *host, in *inspector, modules map[string]func() *goja.Object) {
	var loader *nodemod.Loader
	for _, name := range nodemod.Names {
		modules[name] = func() *goja.Object {
			if loader == nil {
				loader = nodemod.NewLoader(h.vm, in.get())
			}
			exports, _, err := loader.Require(name)
			if err != nil {
				panic(h.vm.NewGoError(err))
			}
			return exports
		}
	}
}
