package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUnsupportedRegExp: a RegExp literal goja would run differently from
// Node 22 fails at Compile, at its position; the ones it runs alike compile.
func TestUnsupportedRegExp(t *testing.T) {
	cases := []struct {
		name, src string
		pos       string // "line:col", "" = compiles
		message   string
	}{
		{name: "property escape", src: "function(a, b, ctx, cb) {\n  if (/^\\p{Lu}/u.test(a)) cb(null, {});\n}", pos: "2:7", message: `/^\p{Lu}/u cannot be run faithfully`},
		{name: "negated property escape on line 1", src: "function(a, b, ctx, cb) { var re = /\\P{L}+/gu; }", pos: "1:36", message: "plain letters"},
		{name: "script property", src: "function(a, b, ctx, cb) { return /\\p{Script=Greek}/u; }", pos: "1:34", message: "explicit character ranges"},
		{name: "d flag", src: "function(a, b, ctx, cb) { /a/d.exec('a'); }", pos: "1:27", message: "flags d"},
		{name: "v flag", src: "function(a, b, ctx, cb) {\n  /[\\w--_]/v;\n}", pos: "2:3", message: "flags v"},
		{name: "in a nested function", src: "function(a, b, ctx, cb) {\n  function f() { return [1].map(function() { return /\\p{N}/u; }); }\n}", pos: "2:53"},
		{name: "without u, \\p is the letter p in Node too", src: `function(a, b, ctx, cb) { /\p{L}/.test('p{L}'); }`},
		{name: "an escaped backslash before p", src: `function(a, b, ctx, cb) { /\\p{L}/u; }`},
		{name: "\\p in a string", src: `function(a, b, ctx, cb) { var s = '\\p{L}'; }`},
		{name: "named groups and lookbehind run alike", src: `function(a, b, ctx, cb) { /(?<=a)(?<x>b)\k<x>/su; }`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Compile("re.js", c.src)
			if c.pos == "" {
				require.NoError(t, err)
				return
			}
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Contains(t, se.Error(), "re.js:"+c.pos+": the regular expression")
			assert.Contains(t, se.Message, c.message)
		})
	}
}
