package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// TestTextEscapesControls: ESC sequences and bidi overrides from a script
// or JIRA cannot rewrite the human report; JSON keeps them exactly.
func TestTextEscapesControls(t *testing.T) {
	fake := "\x1b[1A\x1b[2Kok   everything 1ms"
	c := &Case{Name: "evil", Status: Fail, Failures: []string{"got " + fake},
		Findings: []profile.Finding{}, Mock: []jiramock.LogEntry{{Method: "GET", Path: "/x\u202e", Verdict: "ok", Status: 200}},
		Result: &script.Result{Outcome: script.KindCallback,
			Error:    &script.Error{Kind: script.KindCallback, Message: "boom\x1b]0;title\x07", Stack: "at \u202eevil"},
			Console:  []script.ConsoleLine{{Level: "log", Text: fake}},
			Requests: []script.Request{{Method: "GET", URL: "http://j/\x1b[31m", Status: 500}}}}
	r := &Report{Script: "s.js", Cases: []*Case{c}}
	r.Tally(0)
	var text bytes.Buffer
	if err := WriteText(&text, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := text.String()
	if strings.ContainsAny(out, "\x1b\x07\u202e") {
		t.Fatalf("raw control characters in the text report:\n%q", out)
	}
	for _, want := range []string{`\x1b[1A\x1b[2Kok   everything 1ms`, `boom\x1b]0;title\x07`, `\u202eevil`, `http://j/\x1b[31m`} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %s:\n%s", want, out)
		}
	}
	if c.Result.Console[0].Text != fake {
		t.Fatal("WriteText changed the report")
	}
	var js bytes.Buffer
	if err := WriteJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Cases []struct {
			Console []script.ConsoleLine `json:"console"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Cases[0].Console[0].Text != fake {
		t.Fatalf("JSON is not exact: %v %+v", err, back)
	}
	var ju bytes.Buffer
	if err := WriteJUnit(&ju, r); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(ju.Bytes(), new(struct{})); err != nil {
		t.Fatalf("JUnit is not valid XML: %v", err)
	}
}
