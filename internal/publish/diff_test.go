package publish

import (
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/jsondiff"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// The options diff: one change per settable field, in key order, in
// jsondiff's vocabulary and paths, secrets masked wherever they sit.
func TestDiffOptions(t *testing.T) {
	obj := func(s string) map[string]any {
		m, err := decodeObject([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	script := "function f(a, b) {\n  return a && b;\n}"
	for _, tc := range []struct {
		name          string
		before, after string
		want          []string // Change.String of each change, in order
	}{
		{"equal", `{"a":1,"s":["x"]}`, `{"s":["x"],"a":1}`, nil},
		{"added, changed and type changed", `{"b":"x","c":{"d":1}}`, `{"a":"new","b":"y","c":"flat"}`,
			[]string{`+ options.a = "new"`, `~ options.b: "x" -> "y"`, `! options.c: {"d":1} -> "flat"`}},
		{"missing", `{"a":1,"b":2}`, `{"a":1}`, []string{`- options.b (was 2)`}},
		{"an added object, member by member", `{}`, `{"scripts":{"fetchUserProfile":"x"},"e":{}}`,
			[]string{`+ options.e = {}`, `+ options.scripts.fetchUserProfile = "x"`}},
		{"a dotted key is not nesting", `{"a.b":1,"a":{"b":1}}`, `{"a.b":2,"a":{"b":1}}`, []string{`~ options["a.b"]: 1 -> 2`}},
		{"arrays whole", `{"scope":["a","b"]}`, `{"scope":["a","c"]}`, []string{`~ options.scope: ["a","b"] -> ["a","c"]`}},
		{"secrets masked, also below a secret key", `{"client_secret":"s1","customHeaders":{"Authorization":"Bearer t"}}`, `{"client_secret":"s2","customHeaders":{"Authorization":"Bearer u"},"private":{"k":"v"}}`,
			[]string{`~ options.client_secret: "[REDACTED]" -> "[REDACTED]"`, `~ options.customHeaders.Authorization: "[REDACTED]" -> "[REDACTED]"`, `+ options.private.k = "[REDACTED]"`}},
		{"scripts: where they differ, no HTML escaping", `{"s":"` + strings.ReplaceAll(script, "\n", `\n`) + `"}`, `{"s":"x && y"}`,
			[]string{`~ options.s: changed (3 -> 1 lines; first difference at line 1)`}},
		{"short strings keep &", `{"u":"a&b"}`, `{"u":"a&c"}`, []string{`~ options.u: "a&b" -> "a&c"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Diff(obj(tc.before), obj(tc.after), redact.New())
			var lines []string
			for _, c := range got {
				lines = append(lines, c.String())
			}
			if strings.Join(lines, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Diff =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// Each kind has its one symbol, the report's.
func TestChangeSymbols(t *testing.T) {
	for _, c := range []Change{
		{Path: "options.a", Kind: jsondiff.Added, New: []byte(`1`)},
		{Path: "options.a", Kind: jsondiff.Missing, Old: []byte(`1`)},
		{Path: "options.a", Kind: jsondiff.Changed, Old: []byte(`1`), New: []byte(`2`)},
		{Path: "options.a", Kind: jsondiff.TypeChanged, Old: []byte(`1`), New: []byte(`"2"`)},
	} {
		if s := c.String(); !strings.HasPrefix(s, c.Kind.Symbol()+" options.a") {
			t.Errorf("%s: %q does not start with %q", c.Kind, s, c.Kind.Symbol())
		}
	}
}
