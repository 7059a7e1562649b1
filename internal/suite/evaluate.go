package suite

import (
	"fmt"
	"regexp"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// evaluate compares a case's result with its expectation and Auth0's profile
// rules, and sets the verdict, the reasons, the findings and the diff.
func evaluate(c *report.Case, strict bool) {
	res := c.Result
	exp := c.Expect
	var fails []string
	if res.Outcome == script.KindProfile {
		c.Findings = profile.Check(res.Profile)
		switch {
		case exp.Error != nil:
			fails = append(fails, fmt.Sprintf("expected %s, but the script returned a profile", describeError(exp.Error.Kind, exp.Error.Message)))
		case len(exp.Profile) > 0:
			actual, err := res.Profile, error(nil)
			if exp.Subset() {
				actual, err = subsetOf(exp.Profile, res.Profile)
			}
			var diff []report.Change
			if err == nil {
				diff, err = report.Diff(exp.Profile, actual)
			}
			switch {
			case err != nil:
				fails = append(fails, "cannot compare the profiles: "+err.Error())
			case len(diff) > 0:
				c.Diff = diff
				fails = append(fails, fmt.Sprintf("the profile differs from the expected one in %d field(s)", len(diff)))
			}
		}
		if missing := missingWarnings(c.Findings, exp.Warnings); len(missing) > 0 && exp.Error == nil {
			fails = append(fails, fmt.Sprintf("expected warning(s) %v, which the profile no longer causes: remove them from expect.warnings", missing))
		}
		if n := failingFindings(c.Findings, exp.Warnings, strict); n > 0 {
			what := "Auth0's profile rules"
			if strict {
				what += " (--strict: warnings count)"
			}
			fails = append(fails, fmt.Sprintf("the profile breaks %s: %d finding(s)", what, n))
		}
	} else {
		got := string(res.Outcome)
		if res.Error != nil {
			got = fmt.Sprintf("%s: %s", res.Error.Kind, res.Error.Message)
		}
		switch {
		case len(exp.Profile) > 0:
			fails = append(fails, "expected a profile, but the script ended with "+got)
		case exp.Error != nil && exp.Error.Kind != res.Outcome:
			fails = append(fails, fmt.Sprintf("expected %s, but the script ended with %s", describeError(exp.Error.Kind, exp.Error.Message), got))
		case exp.Error != nil && exp.Error.Message != nil:
			msg := ""
			if res.Error != nil {
				msg = res.Error.Message
			}
			if !exp.Error.Message.MatchString(msg) {
				fails = append(fails, fmt.Sprintf("the %s message %q does not match /%s/", res.Outcome, msg, exp.Error.Message))
			}
		}
	}
	c.Failures = fails
	c.Status = report.Pass
	if len(fails) > 0 {
		c.Status = report.Fail
	}
}

func describeError(kind script.Kind, re *regexp.Regexp) string {
	s := "error " + string(kind)
	if re != nil {
		s += " matching /" + re.String() + "/"
	}
	return s
}
