package main

import (
	"context"
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/mockcfg"
)

// mockOptions are the flags of `bridge mock`.
type mockOptions struct {
	mockcfg.Flags
	verbose bool
}

func newMockCmd() *cobra.Command {
	var o mockOptions
	cmd := &cobra.Command{
		Use:   "mock [--addr HOST:PORT] [--flavor server|cloud] [--protocol oauth1|oauth2] [flags]",
		Short: "Serve a mock JIRA that checks every OAuth 1.0a signature and OAuth 2.0 token",
		Args:  cobra.NoArgs,
	}
	fs := cmd.Flags()
	o.AddFlags(fs)
	fs.BoolVarP(&o.verbose, "verbose", "v", false, "log every request on stderr")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		return runMock(cmd.Context(), o, cmd.OutOrStdout(), cmd.ErrOrStderr())
	}
	return cmd
}

// runMock serves until ctx ends (mockcfg.Flags.Serve); the base URL goes
// to stdout first, alone. Bad flags and a mock that cannot start are bad
// usage (exit 2).
func runMock(ctx context.Context, o mockOptions, stdout, stderr io.Writer) error {
	if err := cliflags.CheckProtocol(o.Protocol, true); err != nil {
		return err
	}
	var log io.Writer
	if o.verbose {
		log = stderr
	}
	err := o.Serve(ctx, log, stdout, stderr)
	var fe *mockcfg.FlagError
	var se *mockcfg.StartError
	if errors.As(err, &fe) || errors.As(err, &se) {
		return exit.Usagef("%v", err)
	}
	return err
}
