package report

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the report as one indented JSON document: the script and
// its findings, every case (name, status, duration_ms, failures, expect, the
// script's outcome, profile, error, console and requests, findings, diff and
// the mock's log) and the summary.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
