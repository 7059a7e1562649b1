package suite

import (
	"errors"
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// ActualOf is what a case's run produced, as cases.Update writes it into the
// case's expect: the profile and its warning rules, or the error's kind and
// message.
func ActualOf(c *report.Case) cases.Actual {
	if c.Result == nil {
		return cases.Actual{}
	}
	a := cases.Actual{Outcome: c.Result.Outcome}
	if c.Result.Outcome == script.KindProfile {
		a.Profile = c.Result.Profile
		for _, f := range c.Findings {
			if f.Severity == profile.SeverityWarning {
				a.Warnings = append(a.Warnings, f.Rule)
			}
		}
		return a
	}
	if c.Result.Error != nil {
		a.Message = c.Result.Error.Message
	}
	return a
}

// UpdateCases rewrites the expect of every case file in cs whose case in r
// did not produce what it expects (`bridge test --update`), and returns the
// changes, one line a file changed. Cases r does not hold (filtered out by
// --run) are left alone. Run the suite again afterwards: it passes unless a
// case fails Auth0's profile rules, which no expectation can excuse.
func UpdateCases(cs []*cases.Case, r *report.Report) ([]string, error) {
	byName := make(map[string]*report.Case, len(r.Cases))
	for _, c := range r.Cases {
		byName[c.Name] = c
	}
	var changes []string
	var errs []error
	for _, c := range cs {
		rc, ok := byName[c.Name]
		if !ok || rc.Result == nil {
			continue
		}
		ch, err := cases.UpdateFile(c, ActualOf(rc))
		if err != nil {
			errs = append(errs, fmt.Errorf("case %s: %w", c.Name, err))
			continue
		}
		changes = append(changes, ch...)
	}
	return changes, errors.Join(errs...)
}

// Update is `bridge test --update` before the suite runs again:
// UpdateCases, with a "bridge: updated" line on log (stderr) for each
// change, then their count. The count is not said when an update failed.
func Update(cs []*cases.Case, r *report.Report, log io.Writer) error {
	changes, err := UpdateCases(cs, r)
	for _, c := range changes {
		fmt.Fprintln(log, "bridge: updated", c)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(log, "bridge: --update: %d change(s); running again\n", len(changes))
	return nil
}
