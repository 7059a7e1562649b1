package script

import "github.com/dop251/goja"

// global is a Node global: install defines its names on the runtime. Globals
// are installed in the order the registry lists them, before the script runs.
type global interface{ install() }

// nativeModule is a module require() returns; exports runs on the first
// require of its name and the result is cached, as Node's require does.
type nativeModule interface{ exports() *goja.Object }

// registry holds one run's modules and globals, built for a runtime profile
// (Options.Runtime). Adding a module or a global is a new type with its own
// file and one line in newRegistry; the runner does not change (doc.go
// "Modules and the host").
type registry struct {
	h       *host
	globals []global
	modules map[string]func() *goja.Object // require name -> exports

	// The ones the runner or other modules reach directly.
	timers *timers
}

// newRegistry builds the modules and globals of profile (Options.Runtime,
// runtime.go) over h, and sets h.rej.
func newRegistry(h *host, profile string) *registry {
	h.rej = &rejections{h: h}
	r := &registry{h: h, timers: &timers{h: h}}
	oauth := &oauthModule{h: h}
	oauth.sign = &oauthSigner{h: h, mod: oauth}
	// The order is the order of install (as before the split): console
	// first, so that the others may log; oauth's JS helpers last.
	insp := &inspector{h: h}
	r.globals = []global{
		&console{h: h, insp: insp},
		r.timers,
		&jsonParse{h: h},
		&nodeGlobals{h: h},
		&v8Catch{h: h},
		&locale{h: h},
		&polyfills{h: h},
		&v8Limits{h: h},
		// Installed on first use (lazy_global.go), with Node's
		// enumerability (docs/node-runtime.md "Lazy globals").
		lazy(h, &bufferGlobal{h: h}, lazyName{"Buffer", false}),
		lazy(h, &urlGlobal{h: h}, lazyName{"URL", false}, lazyName{"URLSearchParams", false}),
		lazy(h, &textCodecGlobal{h: h}, lazyName{"TextEncoder", false}, lazyName{"TextDecoder", false}),
		lazy(h, &structuredCloneGlobal{h: h}, lazyName{"structuredClone", true}),
		lazy(h, &fetchGlobal{h: h}, lazyName{"fetch", true}, lazyName{"Headers", false}, lazyName{"Response", false},
			lazyName{"AbortController", false}, lazyName{"AbortSignal", false}),
	}
	if runtimeProfile(profile) == RuntimeNode22 {
		// Web Crypto became a global in Node 19 (docs/auth0.md "Runtimes").
		r.globals = append(r.globals, lazy(h, &webCryptoGlobal{h: h}, lazyName{"crypto", true}))
	}
	r.globals = append(r.globals, oauthHelpers{oauth})
	r.modules = map[string]func() *goja.Object{}
	for name, m := range map[string]nativeModule{
		"oauth":   oauth,
		"request": &requestModule{h: h},
		"crypto":  &cryptoModule{h: h},
	} {
		r.modules[name] = m.exports
	}
	nodeModules(h, insp, r.modules)
	return r
}

// install sets up the sandbox's globals: global, the registered globals and
// require (native modules only). Nothing else of Node is there: no process
// (goja_nodejs's copies os.Environ(), docs/fidelity.md "goja"), no fs
// (doc.go lists what is missing).
func (r *registry) install() {
	g := r.h.vm.GlobalObject()
	_ = g.Set("global", g)
	for _, x := range r.globals {
		x.install()
	}
	_ = g.Set("require", r.requireFunc())
}

// oauthHelpers installs node-oauth's JS helpers as part of the oauth module.
type oauthHelpers struct{ m *oauthModule }

func (o oauthHelpers) install() { o.m.loadOAuthHelpers() }
