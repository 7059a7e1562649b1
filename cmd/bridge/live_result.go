package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// printLiveResult prints the script's result: the profile on stdout, console,
// requests and findings on stderr (or everything as JSON on stdout), and
// returns exit 1 unless the script returned a profile without errors.
// TODO(live): switch to run.go's printer once it lands, so the two match.
func printLiveResult(stdout, stderr io.Writer, res *script.Result, asJSON bool) error {
	var findings []profile.Finding
	if res.Outcome == script.KindProfile {
		findings = profile.Check(res.Profile)
	}
	if asJSON {
		out := struct {
			*script.Result
			Findings []profile.Finding `json:"findings"`
		}{res, findings}
		if out.Findings == nil {
			out.Findings = []profile.Finding{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		for _, l := range res.Console {
			fmt.Fprintf(stderr, "console.%s: %s\n", l.Level, l.Text)
		}
		for _, r := range res.Requests {
			fmt.Fprintf(stderr, "request: %s %s -> %d %s\n", r.Method, r.URL, r.Status, r.Error)
		}
		if res.Outcome == script.KindProfile {
			var v any
			_ = json.Unmarshal(res.Profile, &v)
			b, _ := json.MarshalIndent(v, "", "  ")
			fmt.Fprintln(stdout, string(b))
		} else if res.Error != nil {
			fmt.Fprintf(stderr, "bridge: the script failed (%s): %s\n", res.Outcome, res.Error.Message)
		}
		for _, f := range findings {
			fmt.Fprintln(stderr, f.String())
		}
	}
	if res.Outcome != script.KindProfile || profile.HasErrors(findings, false) {
		return checkFailed(nil)
	}
	return nil
}
