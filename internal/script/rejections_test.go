package script

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUnhandledRejections: Node 22 and 18 (--unhandled-rejections=throw) raises a
// promise rejected with no handler, once a callback's microtasks have run, as
// an uncaught exception. Node is the oracle: each script runs under node,
// which reports the first uncaught exception (its origin and String(e)) or
// what the script passed to cb; the sandbox must end the same way, with
// Node's message plus the shim's note.
func TestUnhandledRejections(t *testing.T) {
	const note = " (an unhandled promise rejection: Node ends the process)"
	cases := []struct {
		name, src string
		kind      Kind
		stack     string
	}{
		{name: "async script throws after await", kind: KindException, stack: "test.js:3:",
			src: "async function(token, tokenSecret, ctx, cb) {\n  await null;\n  throw new Error('boom');\n}"},
		{name: "rejected with a string", kind: KindException,
			src: `function(token, tokenSecret, ctx, cb) { Promise.reject('nope'); }`},
		{name: "rejected with an object", kind: KindException,
			src: `function(token, tokenSecret, ctx, cb) { Promise.reject({a: 1}); }`},
		// (of undefined: for null goja's words cannot tell, doc.go)
		{name: "rejection in a timer", kind: KindException,
			src: `function(token, tokenSecret, ctx, cb) { setTimeout(async function() { var a; a.x; }, 1); }`},
		{name: "handled in the same tick", kind: KindProfile,
			src: `function(token, tokenSecret, ctx, cb) { var p = Promise.reject(new Error('x')); p.catch(function() { cb(null, {user_id: 'u'}); }); }`},
		{name: "async script awaiting a timer", kind: KindProfile,
			src: `async function(token, tokenSecret, ctx, cb) { await new Promise(function(res) { setTimeout(res, 2); }); cb(null, {user_id: 'u'}); }`},
		{name: "async arrow script", kind: KindProfile,
			src: `async (token, tokenSecret, ctx, cb) => { cb(null, {user_id: await Promise.resolve('u')}); }`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want struct {
				Origin, S string
				Profile   json.RawMessage
			}
			require.NoError(t, json.Unmarshal(runNode(t, `const src = require('fs').readFileSync(0, 'utf8');
let done = false;
process.on('uncaughtException', function (e, origin) {
  if (!done) { done = true; console.log(JSON.stringify({origin: origin, s: String(e)})); }
});
(0, eval)('(' + src + '\n)')('tok', 'token-secret', {}, function (err, profile) {
  if (!done) { done = true; console.log(JSON.stringify({s: err ? String(err) : '', profile: profile})); }
});`, []byte(c.src)), &want))
			res := run(t, compileJS(t, c.src), runOpts("http://127.0.0.1:1"))
			require.Equal(t, c.kind, res.Outcome, "%+v", res.Error)
			if c.kind == KindProfile {
				require.Empty(t, want.Origin, "node: %s", want.S)
				assert.JSONEq(t, string(want.Profile), string(res.Profile))
				return
			}
			require.Equal(t, "unhandledRejection", want.Origin, "node did not raise an unhandled rejection: %+v", want)
			assert.Equal(t, want.S+note, res.Error.Message)
			assert.Contains(t, res.Error.Stack, c.stack)
		})
	}
}
