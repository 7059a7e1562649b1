package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
)

// commandRe is a workflow command as the runner reads it: at the start of a
// line, ::name props::message.
var commandRe = regexp.MustCompile(`^::(error|warning|notice) ([^:]*)::(.*)$`)

// unescape reverses escapeData/escapeProperty as the runner does.
func unescape(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%").Replace(s)
}

func parseCommand(t *testing.T, line string) (level string, props map[string]string, msg string) {
	t.Helper()
	m := commandRe.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("not a workflow command: %q", line)
	}
	props = map[string]string{}
	for _, kv := range strings.Split(m[2], ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			t.Fatalf("property %q without =", kv)
		}
		props[k] = unescape(v)
	}
	return m[1], props, unescape(m[3])
}

func TestWriteGitHub(t *testing.T) {
	r := sample()
	var b bytes.Buffer
	if err := WriteGitHub(&b, r, GitHubOptions{ScriptFiles: map[string]string{"script.js": "scripts/fetchUserProfile.js"}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want 3 commands and the count, got:\n%s", b.String())
	}
	// The passing case's warning, at its case file.
	level, props, msg := parseCommand(t, lines[0])
	if level != "warning" || props["file"] != "cases/server/no-email.json" || props["title"] != "bridge test server/no-email" || !strings.Contains(msg, "[email_missing]") {
		t.Errorf("line 0: %s %v %q", level, props, msg)
	}
	// The profile diff: no stack, so at the case file, with the diff lines.
	level, props, msg = parseCommand(t, lines[1])
	if level != "error" || props["file"] != "cases/server/full.json" || props["line"] != "" ||
		msg != "the profile differs from the expected one in 2 field(s)\n! active: true (boolean) -> \"true\" (string)\n+ extra: 1 (added)" {
		t.Errorf("line 1: %s %v %q", level, props, msg)
	}
	// The exception: at the script line its stack points at.
	level, props, msg = parseCommand(t, lines[2])
	if level != "error" || props["file"] != "scripts/fetchUserProfile.js" || props["line"] != "12" || props["col"] != "58" ||
		msg != "expected error callback, but the script ended with exception: ReferenceError: r is not defined" {
		t.Errorf("line 2: %s %v %q", level, props, msg)
	}
	if lines[3] != "1 passed, 2 failed" {
		t.Errorf("last line = %q", lines[3])
	}
}

func TestWriteGitHubEscapes(t *testing.T) {
	r := sample()
	r.Cases = r.Cases[1:2]
	r.Cases[0].File = "cases/a,b:c%d.json"
	r.Cases[0].Name = "a,b:c"
	r.Cases[0].Failures = []string{"100% wrong\r\n::error::injected"}
	r.Cases[0].Diff = nil
	r.Tally(0)
	var b bytes.Buffer
	_ = WriteGitHub(&b, r, GitHubOptions{})
	out := b.String()
	if strings.Count(out, "\n::") != 0 || !strings.HasPrefix(out, "::error ") {
		t.Fatalf("a message starts a new command:\n%s", out)
	}
	want := "::error file=cases/a%2Cb%3Ac%25d.json,title=bridge test a%2Cb%3Ac::100%25 wrong%0D%0A::error::injected\n"
	if first := strings.SplitAfter(out, "\n")[0]; first != want {
		t.Errorf("got  %q\nwant %q", first, want)
	}
	_, props, msg := parseCommand(t, strings.TrimSuffix(strings.SplitAfter(out, "\n")[0], "\n"))
	if props["file"] != "cases/a,b:c%d.json" || msg != "100% wrong\r\n::error::injected" {
		t.Errorf("round trip: %v %q", props, msg)
	}
}

func TestWriteGitHubScriptFinding(t *testing.T) {
	r := sample()
	r.Cases = nil
	r.ScriptFindings = []profile.Finding{{Field: "script", Severity: profile.SeverityError, Rule: profile.RuleScriptSize, Message: "too long"}}
	r.Tally(0)
	var b bytes.Buffer
	_ = WriteGitHub(&b, r, GitHubOptions{})
	level, props, _ := parseCommand(t, strings.Split(b.String(), "\n")[0])
	if level != "error" || props["file"] != "fetchUserProfile.js" {
		t.Errorf("%s %v", level, props)
	}
}
