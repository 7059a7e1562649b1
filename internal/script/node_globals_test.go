package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNodeGlobalsMatchNode runs the same uses of queueMicrotask, atob, btoa
// and Error.captureStackTrace under node and in the sandbox.
func TestNodeGlobalsMatchNode(t *testing.T) {
	src := `function(token, tokenSecret, ctx, cb) {
  var thrown = function(f) { try { return f(); } catch (e) { return [e.name, e.code, e.message, String(e), e instanceof Error]; } };
  var atobs = ['aGk=', 'aGk', ' a G\tk\n= ', 'aGk==', 'a', 'aG!k', 'aGk=a', '', 'YQ', 'YR==', 'YQ=', '4pyT', 'w6k=', '====', 'ab=c']
    .map(function(s) { return thrown(function() { return atob(s); }); });
  var btoas = ['hi', 'é', '\u00ff\u0000', '✓', '', null, undefined, 12].map(function(s) { return thrown(function() { return btoa(s); }); });
  function MyError(m) { this.message = m; Error.captureStackTrace(this, MyError); }
  MyError.prototype = Object.create(Error.prototype);
  MyError.prototype.name = 'MyError';
  var me = new MyError('went wrong');
  var plain = {}; Error.captureStackTrace(plain);
  var order = [];
  queueMicrotask(function() { order.push('micro'); });
  setTimeout(function() { order.push('timer'); });
  Promise.resolve().then(function() { order.push('promise'); });
  order.push('sync');
  setTimeout(function() {
    cb(null, {
      atob: atobs, btoa: btoas, noArgs: [thrown(function() { return atob(); }), thrown(function() { return btoa(); })],
      qmBad: thrown(function() { queueMicrotask(1); }),
      order: order,
      myHeader: me.stack.split('\n')[0], myKeys: Object.keys(me), myStackEnumerable: Object.getOwnPropertyDescriptor(me, 'stack').enumerable,
      myFirstFrameIsCaller: !/MyError/.test(me.stack.split('\n')[1]),
      plainHeader: plain.stack.split('\n')[0], plainKeys: Object.keys(plain),
      captureEnumerable: Object.keys(Error).indexOf('captureStackTrace') >= 0,
      typeofs: [typeof queueMicrotask, typeof atob, typeof btoa, typeof Error.captureStackTrace]
    });
  }, 5);
}`
	want := nodeRunScript(t, src, Context{})
	got := shimRunScript(t, src, runOpts("http://127.0.0.1:1"))
	assert.JSONEq(t, want, got)
}

// TestMissingNodeGlobal: a global Node has and the sandbox lacks fails with
// Node's ReferenceError plus a note saying the script cannot be checked here.
func TestMissingNodeGlobal(t *testing.T) {
	for _, name := range []string{"process", "Intl", "performance"} {
		t.Run(name, func(t *testing.T) {
			res := run(t, compileJS(t, "function(token, tokenSecret, ctx, cb) {\n  cb(null, {x: "+name+".foo});\n}"), runOpts("http://127.0.0.1:1"))
			require.Equal(t, KindException, res.Outcome)
			assert.Equal(t, "ReferenceError: "+name+" is not defined (Node 22 and Node 18 have "+name+
				" but the bridge sandbox does not provide it: this script cannot be checked here; see `go doc internal/script`)", res.Error.Message)
			assert.Contains(t, res.Error.Stack, "test.js:2:")
		})
	}
	res := run(t, compileJS(t, "function(token, tokenSecret, ctx, cb) { cb(null, {x: notAThing}); }"), runOpts("http://127.0.0.1:1"))
	assert.Equal(t, "ReferenceError: notAThing is not defined", res.Error.Message)
	// Node 18 has no crypto global (Web Crypto became global in Node 19):
	// its ReferenceError is Node 18's own, without a note.
	opts := runOpts("http://127.0.0.1:1")
	opts.Runtime = RuntimeNode18
	res = run(t, compileJS(t, "function(token, tokenSecret, ctx, cb) { cb(null, {x: crypto.randomUUID()}); }"), opts)
	assert.Equal(t, "ReferenceError: crypto is not defined", res.Error.Message)
}

// TestQueueMicrotaskThrowIsUncaught: a throw inside a microtask is an
// uncaught exception in Node, not a promise rejection.
func TestQueueMicrotaskThrowIsUncaught(t *testing.T) {
	res := run(t, compileJS(t, "function(token, tokenSecret, ctx, cb) {\n  queueMicrotask(function() {\n    throw new TypeError('in a microtask');\n  });\n}"),
		runOpts("http://127.0.0.1:1"))
	require.Equal(t, KindException, res.Outcome)
	assert.Equal(t, "TypeError: in a microtask", res.Error.Message)
	assert.Contains(t, res.Error.Stack, "test.js:3:")
}
