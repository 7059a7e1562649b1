package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/migrate"
)

// runCompare is `bridge test --compare-with OLD.js`, the migration check:
// OLD.js (OAuth 1.0a) against --script (OAuth 2.0; default: the shipped
// script of each flavour) over the same users. Exit 1 when a user's user_id,
// email or email_verified changes.
func runCompare(ctx context.Context, f *testFlags, stdout, stderr io.Writer) error {
	o, err := migrate.Load(f.compareWith, f.runtime.Script, f.flavor)
	if ie := (*migrate.InputError)(nil); errors.As(err, &ie) {
		return exit.Usagef("%v", ie)
	}
	o.Timeout, o.Runtime = f.runtime.Timeout, f.runtime.Runtime
	fmt.Fprintf(stderr, "bridge: comparing %s (oauth1) with the oauth2 script of %d flavour(s) over the mock's users\n", o.Old.Filename(), len(o.New))
	rep, err := migrate.Run(ctx, o)
	if err != nil {
		return err
	}
	if f.json {
		err = migrate.WriteJSON(stdout, rep)
	} else {
		err = migrate.WriteText(stdout, rep)
	}
	if err == nil && rep.Changed > 0 {
		return exit.Failed(nil)
	}
	return err
}
