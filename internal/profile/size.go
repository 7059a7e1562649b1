package profile

import "unicode/utf16"

// MaxScriptChars is Auth0's limit on a connection script: the script is stored
// as a string of at most 51,200 characters (docs/auth0.md "The sandbox").
const MaxScriptChars = 51200

// nearLimit is the share of MaxScriptChars above which a warning is given.
const nearLimit = 0.9

// CheckScriptSize checks source against MaxScriptChars, counted in UTF-16 code
// units as JavaScript's String length counts them. Above the limit it is an
// error; above 90% of it, a warning.
func CheckScriptSize(source string) []Finding {
	n := 0
	for _, r := range source {
		n += utf16.RuneLen(r)
	}
	switch {
	case n > MaxScriptChars:
		return []Finding{errorf("script", RuleScriptSize,
			"the script has %d characters; Auth0 stores at most %d: shorten it by %d", n, MaxScriptChars, n-MaxScriptChars)}
	case float64(n) > nearLimit*MaxScriptChars:
		return []Finding{warnf("script", RuleScriptSize,
			"the script has %d characters, close to Auth0's limit of %d", n, MaxScriptChars)}
	}
	return nil
}
