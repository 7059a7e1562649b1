package scriptsrc

import (
	"errors"
	"strings"
	"testing"
)

func TestLiteralURL(t *testing.T) {
	pasted := "function (token, tokenSecret, ctx, cb) {\n  // see https://example.org/doc\n  var base = 'https://jira.example.com/jira';\n  cb(null, {});\n}"
	err := Source{Name: "deployed.js", Text: pasted}.LiteralURL()
	var le *LiteralURLError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v; want a *LiteralURLError", err)
	}
	if le.URL != "https://jira.example.com/jira" || le.Line != 3 {
		t.Errorf("got %q at line %d", le.URL, le.Line)
	}
	for _, want := range []string{"deployed.js:3", "'JIRA_URL' for 'https://jira.example.com'", "bridge pull"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	for name, text := range map[string]string{
		"placeholder": "function (t, s, ctx, cb) { var u = 'JIRA_URL'; var x = 'https://other.example.com'; cb(null, {}); }",
		"from ctx":    "function (t, s, ctx, cb) { var u = ctx.requestTokenURL; cb(null, {}); } // https://x.example.com",
		"shipped":     Shipped().Text,
	} {
		if err := (Source{Name: name, Text: text}).LiteralURL(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
