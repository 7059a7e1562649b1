package render

import (
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// Run prints a run's Result as one JSON object (asJSON, RunJSON) or as text
// (RunText).
func Run(stdout, stderr io.Writer, res *script.Result, findings []profile.Finding, sources map[string]string, asJSON bool) error {
	if asJSON {
		return RunJSON(stdout, res, findings)
	}
	RunText(stdout, stderr, res, findings, sources)
	return nil
}
