package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
)

// PublishText writes what a publish did (or, dry, would do): the action and
// the connection, the options diff, the clients enabled, the backup, the
// script's unified diff, the requests of a dry run as HAR, and the callback URL to put into JIRA.
func PublishText(w io.Writer, res *publish.Result, t auth0.Tenant) {
	id := res.ConnectionID
	if id == "" {
		id = "new"
	}
	switch {
	case !res.DryRun:
		fmt.Fprintf(w, "%s %s (%s)\n", res.Action, res.Name, id)
	case res.Action == publish.Created:
		fmt.Fprintf(w, "dry run: would create %s\n", res.Name)
	case res.Action == publish.Updated:
		fmt.Fprintf(w, "dry run: would update %s (%s)\n", res.Name, id)
	default:
		fmt.Fprintf(w, "dry run: %s (%s) would stay unchanged\n", res.Name, id)
	}
	if len(res.OptionsDiff) > 0 {
		fmt.Fprintln(w, "options:")
		for _, c := range res.OptionsDiff {
			fmt.Fprintln(w, "  "+c.String())
		}
	}
	if res.ScriptDiff != "" {
		// The diff alone on its lines, in the standard format, so that the
		// output can go to a pager or `git apply --check` (publish.ScriptDiff).
		fmt.Fprintln(w, "script, from the tenant's to the published (unified diff):")
		io.WriteString(w, res.ScriptDiff)
	}
	if len(res.EnabledClientsAdded) > 0 {
		verb := "enabled for"
		if res.DryRun {
			verb = "would enable for"
		}
		fmt.Fprintf(w, "%s %s\n", verb, strings.Join(res.EnabledClientsAdded, ", "))
	}
	if res.BackupPath != "" {
		fmt.Fprintf(w, "backup: %s\n", res.BackupPath)
	}
	if res.DryRun {
		fmt.Fprintln(w, "requests it would send (HAR):")
		_ = JSON(w, res.DryRunHAR())
	}
	fmt.Fprintf(w, "callback URL for JIRA's Application Link: %s\n", t.CallbackURL())
}

// PublishJSON writes the publish.Result, the callback URL and, for a dry run,
// the requests it would send as HAR, as one object.
func PublishJSON(w io.Writer, res *publish.Result, t auth0.Tenant) error {
	out := struct {
		*publish.Result
		CallbackURL string       `json:"callback_url"`
		HAR         *publish.HAR `json:"har,omitempty"`
	}{Result: res, CallbackURL: t.CallbackURL()}
	if res.DryRun {
		h := res.DryRunHAR()
		out.HAR = &h
		out.Result.DryRunRequests = nil
	}
	return JSON(w, out)
}

// Publish writes a publish's or a restore's result: PublishJSON with asJSON,
// else PublishText.
func Publish(w io.Writer, res *publish.Result, t auth0.Tenant, asJSON bool) error {
	if asJSON {
		return PublishJSON(w, res, t)
	}
	PublishText(w, res, t)
	return nil
}
