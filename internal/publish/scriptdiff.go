package publish

import (
	udiff "github.com/aymanbagabas/go-udiff"
)

// ScriptPath is the name the script diff gives the script on both sides: the
// file `bridge pull` and `bridge init` write.
const ScriptPath = "fetchUserProfile.js"

// ScriptDiff returns the unified diff from the deployed script to the one
// being published, in the standard format (`--- a/PATH`, `+++ b/PATH`, `@@`
// hunks with three lines of context, `-`/`+`/space at the start of each
// line, "\ No newline at end of file" where one ends without), so it can be
// read in a pager or checked with `git apply --check` against a file holding
// the deployed script. It is "" when the scripts are equal. path ""
// = ScriptPath. The diff is made by github.com/aymanbagabas/go-udiff (a
// copy of the diff package of Go's own tools).
func ScriptDiff(path, deployed, published string) string {
	if deployed == published {
		return ""
	}
	if path == "" {
		path = ScriptPath
	}
	return udiff.Unified("a/"+path, "b/"+path, deployed, published)
}

// fetchUserProfile is options.scripts.fetchUserProfile, "" when absent.
func fetchUserProfile(options map[string]any) string {
	scripts, _ := options["scripts"].(map[string]any)
	s, _ := scripts["fetchUserProfile"].(string)
	return s
}

// setScriptDiff records the diff of the script from the tenant's options to
// the ones to store; secrets a script might hold are redacted.
func (r *run) setScriptDiff(old, next map[string]any) {
	r.res.ScriptDiff = r.redact.String(ScriptDiff("", fetchUserProfile(old), fetchUserProfile(next)))
}
