package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newMockCmd) }

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
		Long: `mock serves a mock JIRA until interrupted (Ctrl-C or SIGTERM): JIRA's OAuth
token endpoints and approval page, and the REST endpoints a fetchUserProfile
script reads (/rest/auth/1/session, /rest/api/2/user, /rest/api/2/myself), in
the Server/Data Center or the Cloud flavor. It is strict where JIRA is: every
request's RSA-SHA1 signature, timestamp and nonce are checked, and failures
are answered as JIRA answers them (oauth_problem, with the base string the
mock computed for signature_invalid).

With no flags it trusts the consumer auth0-jira with the public test key
shipped in testdata/keys, and serves the default users (Server: fred, jdoe).
--users takes a JIRA user object, an array of them, or a directory of *.json
files, shaped like JIRA's /rest/api/2/user?expand=groups answer.

--context-path serves JIRA below a path, as a JIRA at https://example.com/jira
is: every endpoint moves below it, and anything outside it is 404.

stdout: the base URL, alone on the first line, with the context path if any
(use --addr 127.0.0.1:0 for a free port and read it from there).
stderr: the consumer, the users, the endpoints; with -v one line per request:
time method path -> status verdict, consumer, token and why it was refused.

Exit codes: 0 stopped by a signal; 2 bad flag, key file, user file, or a busy
port (named).`,
		Example: `  bridge mock
  bridge mock --addr 127.0.0.1:0 --flavor cloud -v
  bridge mock --users my-users/ --consumer-key auth0-jira-prod --public-key jira.pub
  bridge mock --auto-approve fred    # the approval page approves at once, as fred
  bridge mock --context-path /jira   # JIRA at http://127.0.0.1:8080/jira`,
		Args: cobra.NoArgs,
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
		return cfg, usageErr("--flavor %q: use server or cloud", o.flavor)
	}
	cfg.Flavor = f
	if o.consumerKey == "" {
		return cfg, usageErr("--consumer-key: empty; give the consumer key of the application link")
	}
	consumer := jiramock.DefaultConsumer()
	consumer.Key = o.consumerKey
	if o.consumerKey != bridge.DefaultConsumerKey {
		consumer.Name = o.consumerKey
	}
	if o.publicKey != "" {
		pemBytes, err := os.ReadFile(o.publicKey)
		if err != nil {
			return cfg, usageErr("--public-key: %v", err)
		}
		pub, err := keys.ParsePublicKey(pemBytes, o.publicKey)
		if err != nil {
			return cfg, usageErr("--public-key: %w", err)
		}
		consumer.PublicKey = pub
		consumer.Name = o.consumerKey
	}
	cfg.Consumers = []jiramock.Consumer{consumer}
	if o.users != "" {
		if _, err := os.Stat(o.users); err != nil {
			return cfg, usageErr("--users: %v; give a JIRA user JSON file or a directory of them", unwrapPathError(err))
		}
		users, err := jiramock.LoadUsers(o.users)
		if err != nil {
			return cfg, usageErr("--users: %s", strings.TrimPrefix(err.Error(), "jiramock: "))
		}
		cfg.Users = users
	}
	if o.autoApprove != "" {
		users := cfg.Users
		if users == nil {
			users = jiramock.DefaultUsers(f)
		}
		var ids []string
		found := false
		for _, u := range users {
			ids = append(ids, u.ID())
			found = found || u.ID() == o.autoApprove
		}
		if !found {
			return cfg, usageErr("--auto-approve %q: the %s mock has no such user; use one of %s", o.autoApprove, f, strings.Join(ids, ", "))
		}
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
		return usageErr("%s", strings.TrimPrefix(err.Error(), "jiramock: "))
	}
	defer m.Close()
	fmt.Fprintln(stdout, m.URL())
	if f, ok := stdout.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}
	describeMock(stderr, m, o)
	<-ctx.Done()
	fmt.Fprintln(stderr, "bridge: mock stopped")
	return nil
}

func describeMock(w io.Writer, m *jiramock.Mock, o mockOptions) {
	u := m.URL()
	fmt.Fprintf(w, "mock JIRA (%s) at %s\n", m.Flavor(), u)
	for _, c := range m.Consumers() {
		src := "the shipped test key (testdata/keys/test.pub)"
		if o.publicKey != "" {
			src = o.publicKey
		}
		fmt.Fprintf(w, "consumer: %s, RSA-SHA1, %d-bit public key from %s\n", c.Key, c.PublicKey.N.BitLen(), src)
	}
	fmt.Fprintln(w, "users:")
	for _, usr := range m.Users() {
		email := usr.EmailAddress
		if email == "" {
			email = "no email"
		}
		fmt.Fprintf(w, "  %s  %s <%s>\n", usr.ID(), usr.DisplayName, email)
	}
	e := jira.OAuth1(u)
	fmt.Fprintf(w, "request token:  POST %s\n", e.RequestToken)
	fmt.Fprintf(w, "authorize:      %s", e.Authorize)
	if o.autoApprove != "" {
		fmt.Fprintf(w, " (auto-approves as %s)", o.autoApprove)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "access token:   POST %s\n", e.AccessToken)
	fmt.Fprintf(w, "REST:           GET %s/rest/auth/1/session, /rest/api/2/user, /rest/api/2/myself\n", u)
	fmt.Fprintln(w, "Ctrl-C stops it.")
}
