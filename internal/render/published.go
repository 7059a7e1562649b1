package render

import (
	"context"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
)

// Published writes a publish's or a restore's result on out (Publish: text,
// or JSON with asJSON), then warns on stderr when no application can use the
// connection (publish.EnabledClientsWarning), or that it could not tell.
// The caller redacts out and stderr. Only writing the result can fail: the
// warning's own failure is a warning.
func Published(ctx context.Context, out, stderr io.Writer, client publish.Tenant, res *publish.Result, t auth0.Tenant, asJSON bool) error {
	if err := Publish(out, res, t, asJSON); err != nil {
		return err
	}
	w, err := publish.EnabledClientsWarning(ctx, client, res)
	if err != nil {
		Warn(stderr, "%v", err)
	} else if w != "" {
		Warn(stderr, "%s", w)
	}
	return nil
}
