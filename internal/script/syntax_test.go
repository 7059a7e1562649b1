package script

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge/internal/nodediff"
	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// syntaxSnippets each fail to compile, on line 2 of the script.
var syntaxSnippets = []string{
	"var a = ;", "var a = {b: 1 c: 2};", "var x = 'abc;", "var a = [1, 2;", "let let = 1;", "var x = 1 +* 2;",
	"a => => b", "var é = @;", "var x = 08n;", "const a;", "x = {a:1,,b:2}", "var p = {a: 1,, b: 2};",
	"var p = {\n    locale: user.locale,,\n    name: user.name\n  };", "x = y +;", "var if = 1;", "return }",
}

// TestSyntaxErrorsMatchNode compiles every snippet in the sandbox and with
// V8 (vm.Script over the same wrapped text Compile parses) and compares the
// position of the offending token (line and column, read from Node's caret)
// and, on node22, the message. Node 18's V8 does not name the identifier in
// "Unexpected identifier" (docs/fidelity.md), the one wording that differs.
func TestSyntaxErrorsMatchNode(t *testing.T) {
	in, err := json.Marshal(syntaxSnippets)
	require.NoError(t, err)
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		{
			out := nodediff.Run(t, rt, `const vm = require('vm');
console.log(JSON.stringify(`+string(in)+`.map(function(s) {
  const src = '(function(token, tokenSecret, ctx, cb) {\n  ' + s + '\n}\n)';
  try { new vm.Script(src, {filename: 'test.js'}); return null; } catch (e) {
    const l = e.stack.split('\n');
    return {line: +l[0].split(':')[1], column: l[2].indexOf('^') + 1, width: l[2].trim().length, message: e.message, quote: l.slice(0, 5).join('\n')};
  }
})));`)
			var want []*struct {
				Line, Column, Width int
				Message, Quote      string
			}
			require.NoError(t, json.Unmarshal([]byte(out), &want))
			for i, s := range syntaxSnippets {
				w := want[i]
				require.NotNil(t, w, s)
				_, err := Compile("test.js", "function(token, tokenSecret, ctx, cb) {\n  "+s+"\n}")
				var se *SyntaxError
				require.True(t, errors.As(err, &se), "%q: %v", s, err)
				assert.Equal(t, []int{w.Line, w.Column}, []int{se.Line, se.Column}, "%q: %s", s, se)
				if rt.Name == "node22" {
					assert.Equal(t, w.Message, se.Message, "%q", s)
					assert.Equal(t, w.Quote, se.Quote(), "%q", s)
				}
			}
		}
	})
}

// TestSyntaxErrorOfIssueScript: the reported case, `locale: user.locale,,`
// on line 59 of a real script, is placed where Node places it (59:27).
func TestSyntaxErrorOfIssueScript(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "syntax_double_comma.js"))
	require.NoError(t, err)
	_, err = Compile("script.js", string(src))
	var se *SyntaxError
	require.True(t, errors.As(err, &se), "%v", err)
	assert.Equal(t, "script.js:59:27: Unexpected token ','", se.Error())
	assert.True(t, strings.HasSuffix(se.Quote(), "user.locale,,\n                          ^\n\nSyntaxError: Unexpected token ','"), se.Quote())
}
