package suite

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

func profileCase(expect cases.Expect, actual string) *report.Case {
	return &report.Case{Name: "c", Expect: expect,
		Result: &script.Result{Outcome: script.KindProfile, Profile: json.RawMessage(actual)}}
}

func TestEvaluateSubset(t *testing.T) {
	actual := `{"user_id":"fred","name":"Fred","email":"f@example.com","groups":{"size":1}}`
	c := profileCase(cases.Expect{Profile: json.RawMessage(`{"user_id":"fred","name":"Fred"}`), Match: cases.MatchSubset}, actual)
	evaluate(c, false)
	if c.Status != report.Pass {
		t.Errorf("subset of the listed fields: %v %v", c.Failures, c.Diff)
	}
	// The same expectation matched exactly fails on the extra fields.
	c = profileCase(cases.Expect{Profile: json.RawMessage(`{"user_id":"fred","name":"Fred"}`)}, actual)
	evaluate(c, false)
	if c.Status != report.Fail || len(c.Diff) != 2 {
		t.Errorf("exact: %v %v", c.Failures, c.Diff)
	}
	// A listed field that differs, and one that is missing, fail a subset.
	c = profileCase(cases.Expect{Profile: json.RawMessage(`{"user_id":"key-fred","nickname":"fred"}`), Match: cases.MatchSubset}, actual)
	evaluate(c, false)
	if c.Status != report.Fail || len(c.Diff) != 2 || c.Diff[0].Path != "nickname" && c.Diff[1].Path != "nickname" {
		t.Errorf("subset with a changed and a missing field: %v %+v", c.Failures, c.Diff)
	}
}

func TestEvaluateExpectedWarnings(t *testing.T) {
	noEmail := `{"user_id":"fred","name":"Fred"}`
	exp := cases.Expect{Profile: json.RawMessage(noEmail)}
	// Strict, undeclared: fails.
	c := profileCase(exp, noEmail)
	evaluate(c, true)
	if c.Status != report.Fail {
		t.Fatal("--strict with an undeclared warning passed")
	}
	// Declared: passes under strict; the finding is still reported.
	exp.Warnings = []string{profile.RuleEmailMissing}
	c = profileCase(exp, noEmail)
	evaluate(c, true)
	if c.Status != report.Pass || len(c.Findings) != 1 {
		t.Errorf("declared warning under --strict: %v %v", c.Failures, c.Findings)
	}
	// Declared but another, undeclared warning occurs: fails under strict.
	c = profileCase(cases.Expect{Profile: json.RawMessage(`{"user_id":"fred","name":null}`), Warnings: []string{profile.RuleEmailMissing}}, `{"user_id":"fred","name":null}`)
	evaluate(c, true)
	if c.Status != report.Fail {
		t.Errorf("an unexpected null warning passed under --strict: %v", c.Findings)
	}
	// Declared but no longer caused: fails even without strict.
	withEmail := `{"user_id":"fred","email":"f@example.com"}`
	c = profileCase(cases.Expect{Profile: json.RawMessage(withEmail), Warnings: []string{profile.RuleEmailMissing}}, withEmail)
	evaluate(c, false)
	if c.Status != report.Fail || !strings.Contains(strings.Join(c.Failures, "\n"), "[email_missing]") {
		t.Errorf("a stale expected warning: %v", c.Failures)
	}
}
