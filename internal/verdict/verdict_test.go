package verdict

import (
	"encoding/json"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// TestJIRAFailure: a run against a real JIRA is a remote failure (exit 3)
// exactly when it returned no profile and JIRA failed its last request.
func TestJIRAFailure(t *testing.T) {
	session := "http://jira.example.com/rest/auth/1/session"
	tests := []struct {
		name    string
		outcome script.Kind
		reqs    []script.Request
		want    string
	}{
		{"profile despite a 500", script.KindProfile, []script.Request{{Method: "GET", URL: session, Status: 500}}, ""},
		{"no request", script.KindException, nil, ""},
		{"refused", script.KindCallback, []script.Request{{Method: "GET", URL: session, Error: "connect ECONNREFUSED 127.0.0.1:1"}},
			"GET " + session + ": connect ECONNREFUSED 127.0.0.1:1"},
		{"503 last", script.KindCallback, []script.Request{{Method: "GET", URL: session, Status: 200}, {Method: "GET", URL: session, Status: 503}},
			"GET " + session + ": HTTP 503"},
		{"5xx earlier, 404 last", script.KindCallback, []script.Request{{Method: "GET", URL: session, Status: 502}, {Method: "GET", URL: session, Status: 404}}, ""},
		{"401 is JIRA answering", script.KindCallback, []script.Request{{Method: "GET", URL: session, Status: 401}}, ""},
		{"sandbox refusal is the script's", script.KindCallback, []script.Request{{Method: "GET", URL: "http://evil.example.com/", Error: "connect EACCES evil.example.com:80 - blocked by the bridge sandbox"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := JIRAFailure(&script.Result{Outcome: tt.outcome, Requests: tt.reqs})
			if got != tt.want {
				t.Errorf("JIRAFailure = %q; want %q", got, tt.want)
			}
		})
	}
}

// TestJudge: a profile without error findings passes; a failed script, or a
// profile breaking a rule, fails; a real JIRA failing under the script is
// JIRA's failure, and only against a real JIRA.
func TestJudge(t *testing.T) {
	down := []script.Request{{Method: "GET", URL: "https://jira.example.com/rest/auth/1/session", Status: 502}}
	good := &script.Result{Outcome: script.KindProfile, Profile: json.RawMessage(`{"user_id": "fred", "email": "fred@example.com"}`)}
	noID := &script.Result{Outcome: script.KindProfile, Profile: json.RawMessage(`{"name": "Fred"}`)}
	failed := &script.Result{Outcome: script.KindCallback, Requests: down}
	tests := []struct {
		name     string
		res      *script.Result
		real     bool
		want     Kind
		findings bool
	}{
		{"good profile", good, false, Passed, false},
		{"good profile, real JIRA", good, true, Passed, false},
		{"profile without user_id", noID, false, Failed, true},
		{"script failed on the mock's 502", failed, false, Failed, false},
		{"real JIRA's 502", failed, true, JIRAFailed, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Judge(tt.res, tt.real)
			if v.Kind != tt.want {
				t.Errorf("Kind = %d; want %d", v.Kind, tt.want)
			}
			if v.Findings == nil {
				t.Error("Findings is nil; want an empty list at least (the --json findings array)")
			}
			if tt.findings && len(v.Findings) == 0 {
				t.Errorf("findings = %v; want some", v.Findings)
			}
			if (v.JIRAFailure != "") != (tt.want == JIRAFailed) {
				t.Errorf("JIRAFailure = %q with kind %d", v.JIRAFailure, v.Kind)
			}
		})
	}
}
