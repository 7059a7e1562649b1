package script

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stackScripts throw from different kinds of places; their frames must point
// where Node's do.
var stackScripts = []string{
	"function(token, tokenSecret, ctx, cb) {\n  var x;\n  x.y.z = 1;\n}",
	"function(token, tokenSecret, ctx, cb) {\n  var user = {};\n  cb(null, { id: user.profile.id });\n}",
	"function(token, tokenSecret, ctx, cb) {\n  notDefinedFn(1, 2);\n}",
	"function(token, tokenSecret, ctx, cb) {\n  function inner() {\n    throw new Error('deep');\n  }\n  inner ();\n}",
	"function(token, tokenSecret, ctx, cb) {\n  var o = {};\n  o.method();\n}",
	"function(token, tokenSecret, ctx, cb) {\n  JSON.parse('<html>');\n}",
	"function(token, tokenSecret, ctx, cb) {\n  [1].map(function (v) { return v.a.b; });\n}",
	"function(token, tokenSecret, ctx, cb) {\n  var s = 'é😀ü'; var t = s.nope.x;\n}",
	"function(token, tokenSecret, ctx, cb) { var f = function named() { return null.x; }; f(); }",
	"function(token, tokenSecret, ctx, cb) {\n  if (true) { var a = {x: null}; a.x.y; }\n}",
}

var frameLine = regexp.MustCompile(`^\s*at (?:(\S+) \()?test\.js:(\d+):(\d+)\)?$`)

// frames keeps the frames in test.js as "name line:col".
func frames(stack string, firstLineShift int) []string {
	out := []string{}
	for _, l := range strings.Split(stack, "\n") {
		m := frameLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		col := m[3]
		if m[2] == "1" && firstLineShift != 0 {
			c := 0
			_ = json.Unmarshal([]byte(col), &c)
			b, _ := json.Marshal(c - firstLineShift)
			col = string(b)
		}
		out = append(out, m[1]+" "+m[2]+":"+col)
	}
	return out
}

// TestStackPositionsMatchNode compares the frames (function name, line,
// UTF-16 column) of each script's exception under node and in the sandbox.
func TestStackPositionsMatchNode(t *testing.T) {
	in, err := json.Marshal(stackScripts)
	require.NoError(t, err)
	out := runNode(t, `const vm = require('vm');
const scripts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(JSON.stringify(scripts.map(src => {
  const fn = vm.runInThisContext('(' + src + '\n)', {filename: 'test.js'});
  // Only the script's own frames (what frames compares): Node's internal frames and some messages differ between node22 and node18.
  try { fn('t', 's', {}, () => {}); return ''; } catch (e) { return e.stack.split('\n').filter(l => l.includes('test.js')).join('\n'); }
})));`, in)
	var stacks []string
	require.NoError(t, json.Unmarshal(out, &stacks))
	for i, src := range stackScripts {
		res := run(t, compileJS(t, src), runOpts("http://127.0.0.1:1"))
		require.Equal(t, KindException, res.Outcome)
		// node ran "(" + src: its line-1 columns are one further right.
		assert.Equal(t, frames(stacks[i], 1), frames(res.Error.Stack, 0), "script %d:\n%s\nnode:\n%s\nshim:\n%s", i, src, stacks[i], res.Error.Stack)
	}
}

// TestSyntaxErrorColumnsCountUTF16 checks a syntax error after multi-byte
// characters is placed in UTF-16 columns, as V8 and editors count them.
func TestSyntaxErrorColumnsCountUTF16(t *testing.T) {
	_, err := Compile("s.js", "function(a, b, c, cb) {\n  var s = '😀é'; var = 1;\n}")
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 2, se.Line)
	assert.Equal(t, 22, se.Column, "%v", se) // the "=": 😀 is two UTF-16 units, four bytes
}
