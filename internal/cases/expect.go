package cases

import (
	"slices"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
)

// How an expected profile is compared with the script's.
const (
	MatchExact  = "exact"  // every field, type and value (the default)
	MatchSubset = "subset" // only the fields the expected profile lists, each exactly
)

// ExpectableWarnings are the rules whose findings are warnings, the only
// findings a case may expect (an error finding always fails it).
var ExpectableWarnings = []string{profile.RuleEmailMissing, profile.RuleNull}

// Subset reports whether the expectation compares only the listed fields.
func (e Expect) Subset() bool { return e.Match == MatchSubset }

// parseExpectExtras reads expect.match and expect.warnings.
func parseExpectExtras(c *Case, f *file, at func(field, format string, args ...any) error) error {
	e := f.Expect
	if e.Match != nil {
		switch *e.Match {
		case MatchExact, MatchSubset:
			if c.Expect.Profile == nil {
				return at("expect.match", "expect.match applies to an expected profile; this case expects an error: remove \"match\"")
			}
			c.Expect.Match = *e.Match
		default:
			return at("expect.match", "match %q is unknown: use %q (every field, the default) or %q (only the fields listed)", *e.Match, MatchExact, MatchSubset)
		}
	}
	if e.Warnings != nil {
		if c.Expect.Profile == nil {
			return at("expect.warnings", "expect.warnings applies to an expected profile (findings are about profiles); this case expects an error: remove \"warnings\"")
		}
		for _, w := range e.Warnings {
			if !slices.Contains(ExpectableWarnings, w) {
				return at("expect.warnings", "warning %q is not a warning rule: use one of %s", w, strings.Join(ExpectableWarnings, ", "))
			}
		}
		c.Expect.Warnings = e.Warnings
	}
	return nil
}
