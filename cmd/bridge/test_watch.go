package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/jira-auth0-bridge/bridge/internal/watch"
)

// watchTests runs the suite, then again whenever the script or a case file
// changes, clearing the screen between runs when stdout is a terminal. It
// stops when ctx is canceled (Ctrl-C) and returns nil then. Bad input on a
// run is reported on stderr, and the watch goes on.
func watchTests(ctx context.Context, f *testFlags, stdout, stderr io.Writer) error {
	if f.runtime.Script == "" && f.CasesDir == "" {
		return exit.Usagef("--watch needs --script or --cases: the built-in script and suite never change (start your own with `bridge init`)")
	}
	w, err := watch.New(f.runtime.Script, f.CasesDir)
	if we := (*watch.Error)(nil); errors.As(err, &we) {
		return exit.Usagef("--watch: %s: %v", we.Path, we.Err)
	} else if err != nil {
		return fmt.Errorf("--watch: %w", err)
	}
	defer w.Close()
	var screen io.Writer // cleared between runs when a terminal
	if render.IsTerminal(stdout) {
		screen = stdout
	}
	w.Loop(ctx, screen, stderr, func() {
		if err := runTests(ctx, f, stdout, stderr); err != nil && !exit.Silent(err) {
			fmt.Fprintln(stderr, "bridge:", err)
		}
	})
	return nil
}
