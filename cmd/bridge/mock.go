package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/inputfile"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/jiratarget"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/spf13/cobra"
)

// mockOptions are the flags of `bridge mock`.
type mockOptions struct {
	addr, flavor, users, consumerKey, publicKey, autoApprove string
	contextPath                                              string
	verbose                                                  bool
}

func newMockCmd() *cobra.Command {
	var o mockOptions
	cmd := &cobra.Command{
		Use:   "mock [--addr HOST:PORT] [--flavor server|cloud] [flags]",
		Short: "Serve a mock JIRA that checks every OAuth 1.0a RSA-SHA1 signature",
		Args:  cobra.NoArgs,
	}
	fs := cmd.Flags()
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on; port 0 picks a free one")
	fs.StringVar(&o.flavor, "flavor", string(jiramock.Server), "which JIRA to play: server (Server/Data Center) or cloud")
	fs.StringVar(&o.users, "users", "", "JIRA users: a JSON file (one user or an array) or a directory of *.json (default: the shipped users of the flavor)")
	fs.StringVar(&o.consumerKey, "consumer-key", bridge.DefaultConsumerKey, "consumer key of the application link the mock trusts")
	fs.StringVar(&o.publicKey, "public-key", "", "PEM public key of that consumer (PUBLIC KEY or RSA PUBLIC KEY; default: the shipped test key)")
	fs.StringVar(&o.autoApprove, "auto-approve", "", "user ID: the approval page approves at once as this user (for scripted dances)")
	fs.StringVar(&o.contextPath, "context-path", "", "serve JIRA below this path, e.g. /jira (a leading slash, none trailing)")
	fs.BoolVarP(&o.verbose, "verbose", "v", false, "log every request on stderr")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		return runMock(cmd.Context(), o, cmd.OutOrStdout(), cmd.ErrOrStderr())
	}
	return cmd
}

// mockConfig turns the flags into a jiramock.Config. Errors are bad input
// (exit 2) and name the flag and file.
func mockConfig(o mockOptions, stderr io.Writer) (jiramock.Config, error) {
	// ContextPath is checked by jiramock.New, whose error runMock reports.
	cfg := jiramock.Config{Addr: o.addr, ContextPath: o.contextPath}
	f, err := jiramock.ParseFlavor(o.flavor)
	if err != nil {
		return cfg, exit.Usagef("--flavor %q: use server or cloud", o.flavor)
	}
	cfg.Flavor = f
	if o.consumerKey == "" {
		return cfg, exit.Usagef("--consumer-key: empty; give the consumer key of the application link")
	}
	consumer := jiramock.DefaultConsumer()
	consumer.Key = o.consumerKey
	if o.consumerKey != bridge.DefaultConsumerKey {
		consumer.Name = o.consumerKey
	}
	if o.publicKey != "" {
		pemBytes, err := inputfile.Read(o.publicKey, inputfile.MaxKeyFile, "public key")
		if err != nil {
			return cfg, exit.Usagef("--public-key: %v", err)
		}
		pub, err := keys.ParsePublicKey(pemBytes, o.publicKey)
		if err != nil {
			return cfg, exit.Usagef("--public-key: %w", err)
		}
		consumer.PublicKey = pub
		consumer.Name = o.consumerKey
	}
	cfg.Consumers = []jiramock.Consumer{consumer}
	if o.users != "" {
		if _, err := os.Stat(o.users); err != nil {
			return cfg, exit.Usagef("--users: %v; give a JIRA user JSON file or a directory of them", err)
		}
		users, err := jiramock.LoadUsers(o.users)
		if err != nil {
			return cfg, exit.Usagef("--users: %s", strings.TrimPrefix(err.Error(), "jiramock: "))
		}
		cfg.Users = users
	}
	users := cfg.Users
	if users == nil {
		users = jiramock.DefaultUsers(f)
	}
	if err := jiratarget.CheckUser(o.autoApprove, users, f); err != nil {
		return cfg, exit.Usagef("--auto-approve %v", err)
	}
	cfg.AutoApprove = o.autoApprove
	if o.verbose {
		cfg.Log = stderr
	}
	return cfg, nil
}

// runMock serves until ctx ends. The base URL goes to stdout first, alone.
func runMock(ctx context.Context, o mockOptions, stdout, stderr io.Writer) error {
	cfg, err := mockConfig(o, stderr)
	if err != nil {
		return err
	}
	m, err := jiramock.New(cfg)
	if err != nil {
		return exit.Usagef("%s", strings.TrimPrefix(err.Error(), "jiramock: "))
	}
	defer m.Close()
	fmt.Fprintln(stdout, m.URL())
	if f, ok := stdout.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}
	render.Mock(stderr, m, o.publicKey, o.autoApprove)
	<-ctx.Done()
	fmt.Fprintln(stderr, "bridge: mock stopped")
	return nil
}
