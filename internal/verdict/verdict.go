// Package verdict judges one run of the script (`bridge run`, `bridge live`):
// did it return a profile that passes Auth0's profile checks, did the script
// fail, or did a real JIRA fail under it. The CLI maps the verdict to an exit
// code (README "Exit codes"); the suite's verdict is suite.Report.Passed.
package verdict

import (
	"fmt"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// Kind is what a run came to.
type Kind int

const (
	// Passed: the script returned a profile without error findings.
	Passed Kind = iota
	// Failed: the script failed (no profile), or the profile breaks one of
	// Auth0's profile rules.
	Failed
	// JIRAFailed: against a real JIRA, the run returned no profile because
	// JIRA failed its last request (see JIRAFailure); nothing is known of
	// the script.
	JIRAFailed
)

// Verdict is the judgement of one run.
type Verdict struct {
	Kind     Kind
	Findings []profile.Finding // the profile's checks; empty (not nil) without a profile
	// JIRAFailure says how JIRA failed, when Kind is JIRAFailed.
	JIRAFailure string
}

// Judge judges res. realJIRA says the run was against a real JIRA rather
// than the mock: only a real JIRA's failures are not the script's.
func Judge(res *script.Result, realJIRA bool) Verdict {
	v := Verdict{Findings: []profile.Finding{}}
	if res.Outcome == script.KindProfile {
		if f := profile.Check(res.Profile); f != nil {
			v.Findings = f
		}
	}
	if realJIRA {
		if why := JIRAFailure(res); why != "" {
			v.Kind, v.JIRAFailure = JIRAFailed, why
			return v
		}
	}
	if res.Outcome != script.KindProfile || profile.HasErrors(v.Findings, false) {
		v.Kind = Failed
	}
	return v
}

// JIRAFailure says how JIRA failed a run that returned no profile: its last
// request got no answer (a network error, but not the sandbox's own EACCES
// refusal of a host other than JIRA's) or a 5xx. It is "" when JIRA answered,
// and the failure, if any, is the script's.
func JIRAFailure(res *script.Result) string {
	if res.Outcome == script.KindProfile || len(res.Requests) == 0 {
		return ""
	}
	last := res.Requests[len(res.Requests)-1]
	switch {
	case last.Error != "" && !strings.Contains(last.Error, "EACCES"):
		return fmt.Sprintf("%s %s: %s", last.Method, last.URL, last.Error)
	case last.Status >= 500:
		return fmt.Sprintf("%s %s: HTTP %d", last.Method, last.URL, last.Status)
	}
	return ""
}
