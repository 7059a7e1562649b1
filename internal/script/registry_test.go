package script

import (
	"context"
	"sort"
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge/internal/eventloop"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	v8 "github.com/jira-auth0-bridge/bridge/internal/v8"
)

// TestRegistryInstallsEveryGlobalAndModule builds a registry on a bare host,
// as Run does, and checks what a script can reach: the globals each type
// installs, and exactly the registered modules through require.
func TestRegistryInstallsEveryGlobalAndModule(t *testing.T) {
	h := &host{vm: goja.New(), red: redact.New(), opts: runOpts("http://127.0.0.1:1"), ctx: context.Background(),
		res: &Result{Console: []ConsoleLine{}, Requests: []Request{}}}
	reg := newRegistry(h, RuntimeDefault)
	h.loop = eventloop.New(h.rej.unhandledRejection)
	reg.install()

	for _, name := range []string{"global", "console", "setTimeout", "setInterval", "setImmediate", "clearTimeout",
		"queueMicrotask", "atob", "btoa", "require", v8.CatchHook} {
		assert.False(t, goja.IsUndefined(h.vm.Get(name)) || h.vm.Get(name) == nil, "global %s", name)
	}
	var names []string
	for n := range reg.modules {
		names = append(names, n)
	}
	sort.Strings(names)
	assert.Equal(t, []string{"crypto", "jsonwebtoken", "oauth", "querystring", "request", "url", "util"}, names)

	v, err := h.vm.RunString(`[typeof require('oauth').OAuth, typeof require('request').get, typeof require('node:crypto').createHash,
	  require('oauth') === require('oauth')].join(' ')`)
	require.NoError(t, err)
	assert.Equal(t, "function function function true", v.String())
	_, err = h.vm.RunString(`require('fs')`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Cannot find module 'fs'")
}
