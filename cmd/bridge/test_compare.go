package main

import (
	"context"
	"errors"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/migrate"
)

// runCompare is `bridge test --compare-with OLD.js`, the migration check:
// OLD.js (OAuth 1.0a) against --script (OAuth 2.0; default: the shipped
// script of each flavour) over the same users. Exit 1 when a user's user_id,
// email or email_verified changes.
func runCompare(ctx context.Context, f *testFlags, stdout, stderr io.Writer) error {
	o, err := migrate.Load(f.compareWith, f.runtime.Script, f.Flavor)
	if ie := (*migrate.InputError)(nil); errors.As(err, &ie) {
		return exit.Usagef("%v", ie)
	}
	o.Timeout, o.Runtime = f.runtime.Timeout, f.runtime.Runtime
	rep, err := migrate.Compare(ctx, o, f.out.JSON, stdout, stderr)
	if err == nil && rep.Changed > 0 {
		return exit.Failed(nil)
	}
	return err
}
