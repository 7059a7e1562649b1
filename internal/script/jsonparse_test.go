package script

import (
	"encoding/json"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/nodediff"
	"github.com/jira-auth0-bridge/bridge/internal/testenv"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonParseInputs are texts a script may hand to JSON.parse: JIRA's answers
// cut short, proxies' HTML pages, and every error V8's JSON parser reports.
var jsonParseInputs = []string{
	`<!DOCTYPE html><html><head><title>Sign in - Corporate Web Proxy</title></head></html>`,
	`<html>`, ``, `   `, `{"a":1`, `{"self":"https://jira.example.com/rest/api/2/user?username=jd`,
	`{"a":1}x`, `{"a":1} `, `[1,2`, `[1 2]`, `[1,]`, `{"a":1,}`, `{a:1}`, `{'a':1}`, `{"a" 1}`, `{"a":}`,
	`{"a":1 "b":2}`, `{,}`, `[,]`, `:`, `}`, `]`, `"abc`, "\"a\tb\"", `"\x"`, `"\u12"`, `"\u12G4"`, `"\é"`,
	`01`, `-`, `-a`, `1.`, `1.e5`, `1e`, `1e+`, `.5`, `+1`, `tru`, `trux`, `nul`, `nulL`, `falsey`, `True`,
	`undefined`, `NaN`, `Infinity`, `[object Object]`, `null null`, "\ufeff{}", `{"a":"😀" x}`,
	`{"errorMessages":["Internal server error"],"errors":{}}{"again":true}`, `12345678901234567890x`,
	`{"key":"value","other":[1,2,3],"nested":{"deep":tru}}`, `["é","ü","ß", x]`, "{\"a\":\n1\n,\n}", `{"a":1}}`,
}

// TestJSONParseErrorsMatchNode runs every input through JSON.parse under
// the real Node 22 and Node 18 and in the sandbox with the same
// Options.Runtime, and compares the outcome: the parsed value, or the
// error's name and message (which scripts embed in the errors they report).
// The two Nodes word JSON.parse's errors differently (internal/v8
// JSONError), so each is compared with its own runtime.
func TestJSONParseErrorsMatchNode(t *testing.T) {
	in, err := json.Marshal(append(jsonParseInputs, "{\"a\":1,\r\n\"b\" 2}", "[1,\r2,\n\n x]", "\"\u0001\""))
	require.NoError(t, err)
	probe := `function(inputs) {
  return inputs.map(function(s) {
    try { return 'ok ' + JSON.stringify(JSON.parse(s)); } catch (e) { return e.name + ': ' + e.message + ' ' + (e instanceof SyntaxError); }
  });
}`
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		{
			var want []string
			out := nodediff.Run(t, rt, "console.log(JSON.stringify(("+probe+")("+string(in)+")));")
			require.NoError(t, json.Unmarshal([]byte(out), &want))

			src := "function(token, tokenSecret, ctx, cb) {\n  cb(null, {out: (" + probe + ")(" + string(in) + ")});\n}"
			opts := runOpts("http://127.0.0.1:1")
			opts.Runtime = rt.Name
			res := run(t, compileJS(t, src), opts)
			require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
			var got struct{ Out []string }
			require.NoError(t, json.Unmarshal(res.Profile, &got))
			require.Len(t, got.Out, len(want))
			for i := range want {
				assert.Equal(t, want[i], got.Out[i], "JSON.parse(%s)", want[i])
			}
		}
	})
}

// TestJSONParseKeepsItsShape checks the wrapper still looks like the built-in.
func TestJSONParseKeepsItsShape(t *testing.T) {
	src := `function(token, tokenSecret, ctx, cb) {
  var e; try { JSON.parse('{') } catch (x) { e = x }
  cb(null, {name: JSON.parse.name, length: JSON.parse.length, enumerable: Object.keys(JSON).indexOf('parse') >= 0,
    reviver: JSON.parse('{"a":1,"b":2}', function(k, v) { return k === 'a' ? v * 10 : v }),
    stackAtCaller: /test\.js:2:/.test(e.stack), proto: Object.getPrototypeOf(e) === SyntaxError.prototype});
}`
	res := run(t, compileJS(t, src), runOpts("http://127.0.0.1:1"))
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	assert.JSONEq(t, `{"name":"parse","length":2,"enumerable":false,"reviver":{"a":10,"b":2},"stackAtCaller":true,"proto":true}`, string(res.Profile))
}
