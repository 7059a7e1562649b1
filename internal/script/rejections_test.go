package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUnhandledRejections: Node 20 (--unhandled-rejections=throw) raises a
// promise rejected with no handler, once a callback's microtasks have run, as
// an uncaught exception; the messages are Node's (checked under v20.20).
func TestUnhandledRejections(t *testing.T) {
	cases := []struct {
		name, src string
		kind      Kind
		message   string
		stack     string
	}{
		{name: "async script throws after await", kind: KindException, message: "Error: boom (an unhandled promise rejection", stack: "test.js:3:",
			src: "async function(token, tokenSecret, ctx, cb) {\n  await null;\n  throw new Error('boom');\n}"},
		{name: "rejected with a string", kind: KindException,
			message: `UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "nope".`,
			src:     `function(token, tokenSecret, ctx, cb) { Promise.reject('nope'); }`},
		{name: "rejected with an object", kind: KindException, message: `The promise rejected with the reason "#<Object>".`,
			src: `function(token, tokenSecret, ctx, cb) { Promise.reject({a: 1}); }`},
		{name: "rejection in a timer", kind: KindException, message: "TypeError",
			src: `function(token, tokenSecret, ctx, cb) { setTimeout(async function() { null.x; }, 1); }`},
		{name: "handled in the same tick", kind: KindProfile,
			src: `function(token, tokenSecret, ctx, cb) { var p = Promise.reject(new Error('x')); p.catch(function() { cb(null, {user_id: 'u'}); }); }`},
		{name: "async script awaiting a timer", kind: KindProfile,
			src: `async function(token, tokenSecret, ctx, cb) { await new Promise(function(res) { setTimeout(res, 2); }); cb(null, {user_id: 'u'}); }`},
		{name: "async arrow script", kind: KindProfile,
			src: `async (token, tokenSecret, ctx, cb) => { cb(null, {user_id: await Promise.resolve('u')}); }`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := run(t, compileJS(t, c.src), runOpts("http://127.0.0.1:1"))
			require.Equal(t, c.kind, res.Outcome, "%+v", res.Error)
			if c.kind == KindProfile {
				assert.JSONEq(t, `{"user_id":"u"}`, string(res.Profile))
				return
			}
			assert.Contains(t, res.Error.Message, c.message)
			assert.Contains(t, res.Error.Stack, c.stack)
		})
	}
}
