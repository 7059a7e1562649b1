package script

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileRun runs src with a short time limit.
func hostileRun(t *testing.T, src string, timeout time.Duration) *Result {
	t.Helper()
	opts := runOpts("http://127.0.0.1:1")
	opts.Timeout = timeout
	res := run(t, compileJS(t, src), opts)
	noGoInternals(t, res)
	return res
}

// TestScriptValuesNeverShowGoInternals: texts made from script values
// (uncaught throws, cb(err), console) never show Go structs, pointers or
// goja types, and a toString that loops ends as a timeout, also inside a
// timer callback.
func TestScriptValuesNeverShowGoInternals(t *testing.T) {
	for _, c := range []struct {
		src     string
		kind    Kind
		message string
	}{
		{`throw {toString: function() { return {}; }}`, KindException, "Uncaught {}"},
		{`String({toString: function() { return {}; }})`, KindException, "TypeError: Cannot convert object to primitive value"},
		{`try { '' + {toString: null, valueOf: null} } catch (e) { cb(e) }`, KindCallback, "TypeError: Cannot convert object to primitive value"},
		{`var e = new Error('x'); e.toString = function() { throw new Error('inner'); }; throw e`, KindException, "Error: x"},
		{`var e = new Error('x'); e.toString = function() { for (;;) {} }; throw e`, KindTimeout, "the script did not call cb within 300ms"},
		{`setTimeout(function() { var e = new Error('x'); e.toString = function() { for (;;) {} }; throw e; }, 1)`, KindTimeout, "the script did not call cb within 300ms"},
		{`throw {toJSON: function() { for (;;) {} }}`, KindTimeout, "the script did not call cb within 300ms"},
		{`setTimeout(function() { throw {toJSON: function() { for (;;) {} }}; }, 1)`, KindTimeout, "the script did not call cb within 300ms"},
		{`var e = new Error('x'); e.toString = function() { for (;;) {} }; cb(e)`, KindTimeout, "the script did not call cb within 300ms"},
		{`try { throw 1 } catch (e) { var x = new Error('y'); x.toString = function() { for (;;) {} }; try { throw x } catch (f) { for (;;) {} } }`, KindTimeout, "the script did not call cb within 300ms"},
		{`var O = require('oauth').OAuth; var o = new O('a', 'b', 'k', 's', '1.0', null, 'HMAC-SHA1'); cb(null, {user_id: o._buildAuthorizationHeaders({})})`, KindProfile, ""},
	} {
		t.Run(c.src, func(t *testing.T) {
			res := hostileRun(t, "function(token, tokenSecret, ctx, cb) {\n"+c.src+"\n}", 300*time.Millisecond)
			require.Equal(t, c.kind, res.Outcome, "%+v", res.Error)
			if c.message != "" {
				assert.Contains(t, res.Error.Message, c.message)
			}
		})
	}
}

// TestBuildAuthorizationHeadersOfEmptyObject: node-oauth's loop over an
// object without length gives just "OAuth" (lib/oauth.js L120-136).
func TestBuildAuthorizationHeadersOfEmptyObject(t *testing.T) {
	res := hostileRun(t, `function(token, tokenSecret, ctx, cb) {
  var o = new (require('oauth').OAuth)('a', 'b', 'k', 's', '1.0', null, 'HMAC-SHA1');
  cb(null, {user_id: 'u', h: o._buildAuthorizationHeaders({}), l: o._buildAuthorizationHeaders({length: 1, 0: ['oauth_a', 'b c']})});
}`, 2*time.Second)
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	assert.JSONEq(t, `{"user_id":"u","h":"OAuth","l":"OAuth oauth_a=\"b%20c\""}`, string(res.Profile))
}

// TestConsoleIsBoundedInBytes: one huge line keeps 64 KiB, a case keeps
// 1 MiB in all, each cut marked with the bytes dropped.
func TestConsoleIsBoundedInBytes(t *testing.T) {
	res := hostileRun(t, `function(token, tokenSecret, ctx, cb) {
  console.log('x'.repeat(100 * 1024 * 1024));
  console.log('a', 'é'.repeat(40000), {k: 'v'.repeat(70000)});
  cb(null, {user_id: 'u'});
}`, 10*time.Second)
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	require.Len(t, res.Console, 2)
	first := res.Console[0].Text
	assert.Equal(t, strings.Repeat("x", maxLineBytes)+"… [truncated 104792064 bytes]", first)
	second := res.Console[1].Text
	assert.LessOrEqual(t, len(second), maxLineBytes+40)
	assert.True(t, strings.HasPrefix(second, "a éé"))
	assert.Regexp(t, `é… \[truncated \d+ bytes\]$`, second, "cut at a character boundary")

	res = hostileRun(t, `function(token, tokenSecret, ctx, cb) {
  for (var i = 0; i < 100; i++) console.log('y'.repeat(60000));
  cb(null, {user_id: 'u'});
}`, 10*time.Second)
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	total := 0
	for _, l := range res.Console {
		total += len(l.Text)
	}
	assert.LessOrEqual(t, total, maxConsoleBytes+200)
	last := res.Console[len(res.Console)-1]
	assert.Contains(t, last.Text, "bridge: console output cut after")
	assert.Contains(t, res.Console[len(res.Console)-2].Text, "… [truncated ")
}

// TestMessagesAreBounded: an error message, its stack and value, and a
// request URL are capped, the value staying valid JSON.
func TestMessagesAreBounded(t *testing.T) {
	res := hostileRun(t, `function(token, tokenSecret, ctx, cb) {
  throw new Error('m'.repeat(1e6));
}`, 5*time.Second)
	require.Equal(t, KindException, res.Outcome)
	assert.LessOrEqual(t, len(res.Error.Message), maxMessageBytes+40)
	assert.Contains(t, res.Error.Message, "… [truncated ")

	res = hostileRun(t, `function(token, tokenSecret, ctx, cb) {
  cb({statusCode: 500, data: 'd'.repeat(1e6)});
}`, 5*time.Second)
	require.Equal(t, KindCallback, res.Outcome)
	assert.LessOrEqual(t, len(res.Error.Value), maxMessageBytes+40)
	var v string
	require.NoError(t, jsonUnmarshal(res.Error.Value, &v), "still JSON")

	res = hostileRun(t, `function(token, tokenSecret, ctx, cb) {
  var o = new (require('oauth').OAuth)('a', 'b', 'k', 's', '1.0', null, 'HMAC-SHA1');
  o.get('http://127.0.0.1:1/' + 'p'.repeat(1e6), 't', 's', function(e) { cb(null, {user_id: 'u'}); });
}`, 5*time.Second)
	require.Len(t, res.Requests, 1)
	assert.LessOrEqual(t, len(res.Requests[0].URL), maxURLBytes+40)
}
