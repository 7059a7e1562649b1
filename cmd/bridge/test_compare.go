package main

import (
	"context"
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/migrate"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// runCompare is `bridge test --compare-with OLD.js`, the migration check:
// OLD.js (OAuth 1.0a) against --script (OAuth 2.0; default: the shipped
// script of each flavour) over the same users. Exit 1 when a user's user_id,
// email or email_verified changes.
func runCompare(ctx context.Context, f *testFlags, stdout, stderr io.Writer) error {
	load := func(flag, path, protocol, flavor string) (*script.Program, error) {
		src, err := scriptsrc.LoadFor(path, protocol, flavor)
		if err != nil {
			return nil, exit.Usagef("%s: %v", flag, err)
		}
		p, err := script.Compile(src.Name, src.Text)
		if err != nil {
			return nil, exit.Usagef("%s: %v", flag, err)
		}
		return p, nil
	}
	o := migrate.Options{New: map[jiramock.Flavor]*script.Program{}, Timeout: f.runtime.timeout}
	var err error
	if o.Old, err = load("--compare-with", f.compareWith, "oauth1", ""); err != nil {
		return err
	}
	for _, fl := range []string{"server", "cloud"} {
		if f.flavor == "" || f.flavor == fl {
			if o.New[jiramock.Flavor(fl)], err = load("--script", f.runtime.script, "oauth2", fl); err != nil {
				return err
			}
		}
	}
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
