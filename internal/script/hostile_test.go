package script

import (
	"encoding/json"
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
}`, 60*time.Second) // only ends a hang: under -race on 2 busy cores the 100 MiB line alone took 10 s
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

// v8LimitSnippets run under node and in the sandbox with the same result:
// V8 answers them at once, goja would compute for minutes.
var v8LimitSnippets = []string{
	"new Array(4294967295).join('')",
	"new Array(4294967295).join(',')",
	"new Array(4294967295).join()",
	"'x'.repeat(2**30)",
	"'xy'.repeat(2**28)",
	"'x'.repeat(2**29 - 23)",
	"''.repeat(2**40)",
	"'x'.repeat(-1)",
	"'x'.repeat(Infinity)",
	"'x'.repeat(-0.5) + 'x'.repeat(-Infinity)",
	"'x'.padStart(2**30)",
	"'x'.padEnd(2**30, '')",
	"'x'.padEnd(2**30, 'ab')",
	"Array.prototype.join.call({length: 9e15})",
	"Array.prototype.join.call({length: 9e15}, '')",
	"(function() { var a = []; a[2000000] = 'z'; a[7] = 1; a[9] = null; return a.join(''); })()",
	"'ab'.repeat(3) + 'c'.padStart(3, '-') + 'c'.padEnd(2) + [1, [2, 3], null, undefined].join('|') + [1, 2].join()",
	"String.prototype.repeat.name + String.prototype.repeat.length + Array.prototype.join.length + JSON.stringify.length",
	"JSON.stringify({a: [1, {b: undefined, c: function() {}}], d: new Date(0), e: 'é'}, null, 2)",
	"JSON.stringify({a: 1, b: [2]}, ['a'])",
	"JSON.stringify({a: 1, b: 2}, function(k, v) { return k === 'a' ? undefined : v; })",
}

// TestV8StringLimitsMatchNode: each snippet gives Node's value (its length
// for a long string) or Node's error, at once.
func TestV8StringLimitsMatchNode(t *testing.T) {
	in, err := json.Marshal(v8LimitSnippets)
	require.NoError(t, err)
	show := `function show(s) {
  try { var r = (0, eval)(s); return typeof r === 'string' && r.length > 200 ? 'string of length ' + r.length : JSON.stringify(r); }
  catch (e) { return String(e); }
}`
	out := runNode22(t, show+`
const snippets = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(JSON.stringify(snippets.map(show)));`, in)
	var want []string
	require.NoError(t, json.Unmarshal(out, &want))
	src := "function(token, tokenSecret, ctx, cb) {\n" + show + "\ncb(null, {user_id: 'u', got: " + string(in) + ".map(show)});\n}"
	res := hostileRun(t, src, 10*time.Second)
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	var got struct{ Got []string }
	require.NoError(t, json.Unmarshal(res.Profile, &got))
	for i, s := range v8LimitSnippets {
		assert.Equal(t, want[i], got.Got[i], s)
	}
}

// dagJS builds an object whose JSON doubles with each of 60 levels.
const dagJS = "var o = {}; for (var i = 0; i < 60; i++) o = {a: o, b: o};\n"

// TestDAGEndsBounded: serialising a DAG ends as timeout or memory (cb's
// profile, JSON.stringify, an Error's property), or prints a bounded view
// (console.log), never a hang.
func TestDAGEndsBounded(t *testing.T) {
	for _, c := range []struct {
		src  string
		kind []Kind
	}{
		{"cb(null, {user_id: 'a', x: o});", []Kind{KindTimeout, KindMemory}},
		{"JSON.stringify(o); cb(null, {user_id: 'a'});", []Kind{KindTimeout, KindMemory}},
		{"var e = new Error('x'); e.x = o; cb(e);", []Kind{KindTimeout, KindMemory}},
		// Node's util.inspect prints depth 2 of the DAG at once; '%j' is
		// JSON.stringify, as long in Node as the profile's export.
		{"console.log(o); cb(null, {user_id: 'a'});", []Kind{KindProfile}},
		{"console.log('%j', o); cb(null, {user_id: 'a'});", []Kind{KindTimeout, KindMemory}},
		{"setTimeout(function() { cb(null, {user_id: 'a', x: o}); }, 1);", []Kind{KindTimeout, KindMemory}},
	} {
		t.Run(c.src, func(t *testing.T) {
			start := time.Now()
			res := hostileRun(t, "function(token, tokenSecret, ctx, cb) {\n"+dagJS+c.src+"\n}", time.Second)
			assert.Less(t, time.Since(start), 5*time.Second)
			assert.Contains(t, c.kind, res.Outcome, "%+v", res.Error)
			if res.Outcome == KindProfile {
				assert.Equal(t, "{ a: { a: { a: [Object], b: [Object] }, b: { a: [Object], b: [Object] } }, b: { a: { a: [Object], b: [Object] }, b: { a: [Object], b: [Object] } } }", strings.Join(strings.Fields(res.Console[0].Text), " "))
			}
		})
	}
}
