package main

import (
	"context"
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
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
	fs.StringVar(&o.Addr, "addr", "127.0.0.1:8080", "address to listen on; port 0 picks a free one")
	fs.StringVar(&o.Flavor, "flavor", string(jiramock.Server), "which JIRA to play: server (Server/Data Center) or cloud")
	fs.StringVar(&o.Users, "users", "", "JIRA users: a JSON file (one user or an array) or a directory of *.json (default: the shipped users of the flavor)")
	fs.StringVar(&o.ConsumerKey, "consumer-key", bridge.DefaultConsumerKey, "consumer key of the application link the mock trusts")
	fs.StringVar(&o.PublicKey, "public-key", "", "PEM public key of that consumer (PUBLIC KEY or RSA PUBLIC KEY; default: the shipped test key)")
	fs.StringVar(&o.AutoApprove, "auto-approve", "", "user ID: the approval page approves at once as this user (for scripted dances)")
	fs.StringVar(&o.ContextPath, "context-path", "", "serve JIRA below this path, e.g. /jira (a leading slash, none trailing)")
	cliflags.AddProtocolFlag(fs, &o.Protocol, "oauth1", "what the banner on stderr describes (the mock serves both)")
	cliflags.AddJIRAClientFlags(fs, &o.ClientID, &o.ClientSecret, "the OAuth 2.0 client the mock trusts (default: the test client, printed on stderr)")
	fs.StringVar(&o.RedirectURI, "redirect-uri", "", "the client's registered redirect URI (default: the test client's)")
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
