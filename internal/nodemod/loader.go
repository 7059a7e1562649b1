// Package nodemod loads the Node module emulations (its subpackages) for
// require() in the script sandbox. Each module is built once per runtime
// and cached, so require('x') === require('x') as in Node.
package nodemod

import (
	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/inspect"
	"github.com/jira-auth0-bridge/bridge/internal/nodemod/jsonwebtoken"
	"github.com/jira-auth0-bridge/bridge/internal/nodemod/querystring"
	"github.com/jira-auth0-bridge/bridge/internal/nodemod/url"
	"github.com/jira-auth0-bridge/bridge/internal/nodemod/util"
)

// Names are the modules Loader provides, the same on node22 and node18.
var Names = []string{"jsonwebtoken", "querystring", "url", "util"}

// Loader builds and caches the module exports of one runtime.
type Loader struct {
	vm    *goja.Runtime
	in    *inspect.Inspector
	cache map[string]*goja.Object
}

// NewLoader returns a Loader for vm; in is the runtime's formatter (shared
// with console so that util.inspect and console.log agree).
func NewLoader(vm *goja.Runtime, in *inspect.Inspector) *Loader {
	return &Loader{vm: vm, in: in, cache: map[string]*goja.Object{}}
}

// Require returns the exports of module name; ok is false when name is not
// one of Names (the caller then fails the require with its note).
func (l *Loader) Require(name string) (exports *goja.Object, ok bool, err error) {
	if m, hit := l.cache[name]; hit {
		return m, true, nil
	}
	switch name {
	case "jsonwebtoken":
		exports, err = jsonwebtoken.Require(l.vm)
	case "querystring":
		exports, err = querystring.Require(l.vm)
	case "url":
		var qs *goja.Object
		if qs, _, err = l.Require("querystring"); err == nil {
			exports, err = url.Require(l.vm, qs)
		}
	case "util":
		exports, err = util.Require(l.vm, l.in)
	default:
		return nil, false, nil
	}
	if err != nil {
		return nil, true, err
	}
	l.cache[name] = exports
	return exports, true, nil
}
