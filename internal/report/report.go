package report

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// Status is a case's verdict.
type Status string

// The verdicts.
const (
	Pass Status = "pass"
	Fail Status = "fail"
)

// Report is the result of one suite run: `bridge test`'s output in every
// format, and what publish and live check before they act.
type Report struct {
	Script         string            `json:"script"`          // the script's file name
	ScriptFindings []profile.Finding `json:"script_findings"` // the size limit (docs/auth0.md "The sandbox")
	Strict         bool              `json:"strict"`          // warnings fail
	// SyntaxError, when the script does not compile, is the error as Node
	// prints it (location, source line, carets, message); every case then
	// fails with the syntax outcome and none ran.
	SyntaxError string  `json:"syntax_error,omitempty"`
	Cases       []*Case `json:"cases"` // in case order
	Summary     Summary `json:"summary"`
	MockURL     string  `json:"-"` // the shared mock's base URL for this run
}

// Summary counts the verdicts. Its text form, "N passed, N failed", ends the
// human report; CI tooling reads that line.
type Summary struct {
	Passed   int           `json:"passed"`
	Failed   int           `json:"failed"`
	Total    int           `json:"total"`
	Duration time.Duration `json:"-"` // the suite's wall time
}

// Case is one case's verdict with everything that explains it. The fields of
// the script's Result (outcome, profile, error, console, requests) appear
// inline in its JSON.
type Case struct {
	Name        string          `json:"name"`
	File        string          `json:"file,omitempty"`
	Description string          `json:"description,omitempty"`
	Flavor      jiramock.Flavor `json:"flavor"`
	Status      Status          `json:"status"`
	Duration    time.Duration   `json:"-"`
	// Failures says why the case failed, one reason a line; empty when it passed.
	Failures []string     `json:"failures,omitempty"`
	Expect   cases.Expect `json:"expect"`
	*script.Result
	Findings []profile.Finding   `json:"findings"`
	Diff     []Change            `json:"diff,omitempty"` // expected vs actual profile
	Mock     []jiramock.LogEntry `json:"mock"`           // the mock's log of this case's requests
}

// Passed reports whether every case passed and the script is within Auth0's
// limits.
func (r *Report) Passed() bool {
	return r.Summary.Failed == 0 && !profile.HasErrors(r.ScriptFindings, r.Strict)
}

// Tally fills in the summary from the cases.
func (r *Report) Tally(wall time.Duration) {
	r.Summary = Summary{Total: len(r.Cases), Duration: wall}
	for _, c := range r.Cases {
		if c.Status == Pass {
			r.Summary.Passed++
		} else {
			r.Summary.Failed++
		}
	}
}

// ms is a duration in milliseconds for JSON, to the microsecond.
func ms(d time.Duration) float64 {
	return float64(d.Round(time.Microsecond)) / float64(time.Millisecond)
}

// marshalNoEscape is json.Marshal without HTML escaping, so that the URLs in
// a case ("?a=1&b=2") read as they are: an encoder's SetEscapeHTML does not
// reach into a MarshalJSON method's own output.
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// MarshalJSON adds the durations in milliseconds.
func (c *Case) MarshalJSON() ([]byte, error) {
	type plain Case
	return marshalNoEscape(struct {
		*plain
		DurationMS float64 `json:"duration_ms"`
	}{(*plain)(c), ms(c.Duration)})
}

// MarshalJSON adds the wall time in milliseconds.
func (s Summary) MarshalJSON() ([]byte, error) {
	type plain Summary
	return marshalNoEscape(struct {
		plain
		DurationMS float64 `json:"duration_ms"`
	}{plain(s), ms(s.Duration)})
}
