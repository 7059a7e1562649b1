package report

import (
	"encoding/json"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
)

// WriteJSON writes the report as one indented JSON document: the script and
// its findings, every case (name, status, duration_ms, failures, expect, the
// script's outcome, profile, error, console and requests, findings, diff and
// the mock's log) and the summary.
// Lists are [] when empty, never null, and URLs keep their "&" (no HTML
// escaping), as in bridge run --json.
func WriteJSON(w io.Writer, r *Report) error {
	out := *r
	if out.ScriptFindings == nil {
		out.ScriptFindings = []profile.Finding{}
	}
	if out.Cases == nil {
		out.Cases = []*Case{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&out)
}
