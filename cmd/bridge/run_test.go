package main

import (
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
			got := jiraFailure(&script.Result{Outcome: tt.outcome, Requests: tt.reqs})
			if got != tt.want {
				t.Errorf("jiraFailure = %q; want %q", got, tt.want)
			}
		})
	}
}
