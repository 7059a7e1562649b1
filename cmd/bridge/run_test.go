package main

import (
	"errors"
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

// TestInterrupted: a command stopped by a signal fails its check (exit 1) and
// keeps what it had to say.
func TestInterrupted(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"plain error", errors.New("suite: run stopped: context canceled"), "interrupted: suite: run stopped: context canceled"},
		{"usage error", usageErr("--x: bad"), "interrupted: --x: bad"},
		{"already reported", checkFailed(nil), "interrupted"},
		{"remote error", remoteErr(errors.New("publish: already changed on the tenant: created jira")), "interrupted: publish: already changed on the tenant: created jira"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := interrupted(tt.err)
			if code := exitCode(err); code != ExitCheckFailed {
				t.Errorf("exit code %d; want %d", code, ExitCheckFailed)
			}
			if err.Error() != tt.want {
				t.Errorf("message %q; want %q", err.Error(), tt.want)
			}
		})
	}
}
