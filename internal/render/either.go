package render

import (
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
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

// Publish prints a publish's or a restore's result as one JSON object
// (asJSON, PublishJSON) or as text (PublishText).
func Publish(w io.Writer, res *publish.Result, t auth0.Tenant, asJSON bool) error {
	if asJSON {
		return PublishJSON(w, res, t)
	}
	PublishText(w, res, t)
	return nil
}
