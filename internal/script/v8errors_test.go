package script

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// v8ErrorSnippets each throw in goja and in Node (22 and 18 word them alike). Each runs on a line of
// its own inside the script function, after `var x = 0; `.
var v8ErrorSnippets = []string{
	// goja "Cannot read property 'x' of undefined"
	"var a; a.x",
	"var a = {}; a.b.c",
	"var a = {}; a.b['x-y']",
	"var a; a[0]",
	"var a = {}; a.b.c.d",
	"var json = {}; var u = json.avatarUrls['48x48'];",
	"var o = {get x() { return undefined }}; o.x.y",
	// goja "Cannot convert undefined or null to object" on an assignment
	"var a; a.x = 1",
	"var a = {}; a.b.c = 1",
	"var a = {}; a.b . c=1",
	"var a = {}; a.b['x-y'] = 1",
	"var a = {}; a.b[\"q\"] = {}",
	"var a = {}; a.b[0] = 1",
	"var a = {}; var y = a.b.c = 2",
	// goja "Object has no member 'f'"
	"var a = {}; a.f()",
	"var a = {b: {}}; a.b.f()",
	"var a = {b: {}}; a . b . f (1)",
	"var a = {}; a['f']()",
	"var a = {b: {}}; return a.b[\"f\"]()",
	// goja "Value is not an object: …" at a call
	"var f; f()",
	"var f = 1; f()",
	"var a = {f: 1}; a.f()",
	"var a = {b: {f: null}}; a.b.f(1, 2)",
	"var f = {}; f()",
	// goja "Value is not an object: …" at new
	"var a = 1; new a()",
	"var a = {}; new a.b()",
	"var a = {b: 1}; new a.b(2)",
	// goja "Malformed URI"
	"decodeURIComponent('%')",
	"decodeURI('%E0%A4%A')",
	"encodeURIComponent('\\uD800')",
	// a method called on undefined: V8 names the property read
	"var a; a.x()",
	"var a = {}; a.b.x()",
	"var a = {}; a.b.c.x(1)",
	"var a; a['x']()",
	"var json = {}; var n = json.name.toLowerCase();",
	// not iterable
	"var a = {}; for (var v of a.b) {}",
	"var a = {}; for (var v of a) {}",
	"var u; var c = [...u]",
	"var u; var [p] = u",
	"var a = 1; for (var v of a) {}",
	"var a = {b: {}}; for (const v of a.b['c']) {}",
	// destructuring undefined
	"var u; var {p} = u",
	"var a = {}; var {p} = a.b",
	"var u; var {p, q} = u",
	"var u; const {p: r} = u",
	"var u; let {'k-1': r} = u",
	"var u, p; ({p} = u)",
	// goja "Could not convert &{…} (*goja.baseObject) to primitive"
	"var o = {toString: function() { return {}; }}; String(o)",
	"var o = {toString: function() { return {}; }, valueOf: function() { return []; }}; o + ''",
	"var o = {toString: null, valueOf: null}; `${o}`",
	// identical in both (pinned so that they stay so)
	"Object.keys(undefined)",
	"Object.keys(null)",
	"Object.assign(null, {})",
	"zzz",
	"zzz()",
	"var s = Symbol(); s + ''",
}

// TestV8ErrorMessagesMatchNode runs every snippet under node and in the
// sandbox: uncaught (outcome exception, the message) and caught and passed
// to cb (outcome callback: the message, the stack's first line and Value's
// message) must all read as Node's String(e).
func TestV8ErrorMessagesMatchNode(t *testing.T) {
	in, err := json.Marshal(v8ErrorSnippets)
	require.NoError(t, err)
	out := runNode(t, `const snippets = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(JSON.stringify(snippets.map(function(s) {
  try { (0, eval)('(function(token, tokenSecret, ctx, cb) {\n  var x = 0; ' + s + '\n})')(); return 'no error'; } catch (e) { return String(e); }
})));`, in)
	var want []string
	require.NoError(t, json.Unmarshal(out, &want))
	require.Len(t, want, len(v8ErrorSnippets))

	for i, s := range v8ErrorSnippets {
		t.Run(s, func(t *testing.T) {
			require.NotEqual(t, "no error", want[i])
			res := run(t, compileJS(t, "function(token, tokenSecret, ctx, cb) {\n  var x = 0; "+s+"\n}"), runOpts("http://127.0.0.1:1"))
			require.Equal(t, KindException, res.Outcome, "%+v", res.Error)
			assert.Equal(t, want[i], res.Error.Message, "uncaught")
			assert.Contains(t, res.Error.Stack, "test.js:2:")

			res = run(t, compileJS(t, "function(token, tokenSecret, ctx, cb) {\n  try { var x = 0; "+s+"\n  } catch (e) { cb(e); }\n}"), runOpts("http://127.0.0.1:1"))
			require.Equal(t, KindCallback, res.Outcome, "%+v", res.Error)
			assert.Equal(t, want[i], res.Error.Message, "caught, cb(e)")
			first, _, _ := strings.Cut(res.Error.Stack, "\n")
			assert.Equal(t, want[i], first, "caught, cb(e): the stack's first line")
			var v struct{ Name, Message string }
			require.NoError(t, json.Unmarshal(res.Error.Value, &v))
			assert.Equal(t, want[i], v.Name+": "+v.Message, "caught, cb(e): Value")

			// What the script itself reads in the caught error.
			res = run(t, compileJS(t, "function(token, tokenSecret, ctx, cb) {\n  try { var x = 0; "+s+"\n  } catch (e) { cb(new Error(e.message + ' | ' + e.stack.split('\\n')[0])); }\n}"), runOpts("http://127.0.0.1:1"))
			require.Equal(t, KindCallback, res.Outcome, "%+v", res.Error)
			_, msg, _ := strings.Cut(want[i], ": ")
			assert.Equal(t, "Error: "+msg+" | "+want[i], res.Error.Message, "caught: e.message and e.stack's first line")
		})
	}
}

// TestCatchHook: the rewrite added to catch clauses keeps every position and
// leaves the clauses it cannot hook (no binding, a pattern) working.
func TestCatchHook(t *testing.T) {
	src := `function(token, tokenSecret, ctx, cb) {
  var seen = [];
  try { undefined.a } catch { seen.push('no binding') }
  try { undefined.b } catch ({message}) { seen.push(message) }
  try { try { undefined.c } catch (e) { seen.push(e.message); undefined.d } } catch (f) { seen.push(f.message) }
  try { undefined.e } catch (e) { seen.push(typeof e); e = 1 }
  try { undefined.f } catch (e) { throw new Error('again: ' + e.message) }
}`
	res := run(t, compileJS(t, src), runOpts("http://127.0.0.1:1"))
	require.Equal(t, KindException, res.Outcome, "%+v", res.Error)
	assert.Equal(t, "Error: again: Cannot read properties of undefined (reading 'f')", res.Error.Message)
	assert.Equal(t, "    at test.js:7:41", res.Error.Stack)

	src = strings.Replace(src, "throw new Error('again: ' + e.message)", "cb(null, {user_id: 'u', seen: seen})", 1)
	res = run(t, compileJS(t, src), runOpts("http://127.0.0.1:1"))
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	// The pattern form is not hooked: it reads goja's words (doc.go).
	assert.Equal(t, `{"user_id":"u","seen":["no binding","Cannot read property 'b' of undefined",`+
		`"Cannot read properties of undefined (reading 'c')","Cannot read properties of undefined (reading 'd')","object"]}`, string(res.Profile))
}

// TestV8ErrorNativeFrame: an error thrown inside a native (arr.map's check of
// its callback) is not named after the script's call: goja's words stay.
func TestV8ErrorNativeFrame(t *testing.T) {
	for _, src := range []string{
		"function(token, tokenSecret, ctx, cb) {\n  var arr = [1]; arr.map(1);\n}",
		"function(token, tokenSecret, ctx, cb) {\n  try { var arr = [1]; arr.map(1); } catch (e) { cb(e) }\n}",
		"function(token, tokenSecret, ctx, cb) {\n  try { var arr = [1]; arr.map(1); } catch (e) { cb(new Error(e.message)) }\n}",
	} {
		res := run(t, compileJS(t, src), runOpts("http://127.0.0.1:1"))
		require.NotNil(t, res.Error)
		assert.Contains(t, []string{"TypeError: Value is not an object: 1", "Error: Value is not an object: 1"}, res.Error.Message, src)
	}
}
