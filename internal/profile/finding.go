package profile

import "fmt"

// Severity says whether a Finding fails a case (error) or only informs (warning).
type Severity string

// The severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Rule names, stable for JSON consumers.
const (
	RuleObject        = "object"         // the profile is a JSON object
	RuleUserID        = "user_id"        // user_id present, non-empty string or number
	RuleEmail         = "email"          // email is a string that looks like an address
	RuleEmailMissing  = "email_missing"  // no email at all (warning)
	RuleEmailVerified = "email_verified" // email_verified is a boolean
	RuleString        = "string"         // a normalized name field is a string
	RulePicture       = "picture"        // picture is an absolute http(s) URL
	RuleAttributeName = "attribute_name" // no '.' or '$' in attribute names
	RuleNull          = "null"           // a null value (warning)
	RuleScriptSize    = "script_size"    // the script is within 51,200 characters
)

// Finding is one rule a profile or script breaks. Field names the attribute by
// its path, e.g. "groups.items[0].name".
type Finding struct {
	Field    string   `json:"field"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
}

func (f Finding) String() string {
	if f.Field == "" {
		return fmt.Sprintf("%s: %s [%s]", f.Severity, f.Message, f.Rule)
	}
	return fmt.Sprintf("%s: %s: %s [%s]", f.Severity, f.Field, f.Message, f.Rule)
}

// HasErrors reports whether any finding fails a case: an error, or in strict
// mode any finding at all.
func HasErrors(fs []Finding, strict bool) bool {
	for _, f := range fs {
		if f.Severity == SeverityError || strict {
			return true
		}
	}
	return false
}

func errorf(field, rule, format string, args ...any) Finding {
	return Finding{Field: field, Severity: SeverityError, Rule: rule, Message: fmt.Sprintf(format, args...)}
}

func warnf(field, rule, format string, args ...any) Finding {
	return Finding{Field: field, Severity: SeverityWarning, Rule: rule, Message: fmt.Sprintf(format, args...)}
}
