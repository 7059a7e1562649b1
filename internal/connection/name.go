package connection

import (
	"regexp"
)

// DefaultName is the connection name of the Auth0 JIRA guide's step 3.
const DefaultName = "jira"

// MaxNameLen and namePattern are Auth0's rules for connection names
// (docs/auth0.md "Management API").
const MaxNameLen = 128

var namePattern = regexp.MustCompile(`^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`)

const nameFix = "use letters, digits and single hyphens, not at either end, at most 128 characters, e.g. jira or jira-prod"

// CheckName checks a connection name against Auth0's pattern
// ^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$ and its 128-character limit.
func CheckName(name string) error {
	switch {
	case name == "":
		return problem(FieldName, ErrName, nameFix, "it is empty")
	case len(name) > MaxNameLen:
		return problem(FieldName, ErrName, nameFix, "it has %d characters, more than %d", len(name), MaxNameLen)
	case !namePattern.MatchString(name):
		return problem(FieldName, ErrName, nameFix, "%q does not match Auth0's pattern %s", name, namePattern)
	}
	return nil
}
