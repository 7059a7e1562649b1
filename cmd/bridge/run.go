package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
	"github.com/jira-auth0-bridge/bridge/internal/verdict"
)

// runFlags are `bridge run`'s flags.
type runFlags struct {
	runtime      runtimeFlags
	user, flavor string
	asJSON       bool
	jira         jiraFlags // a real JIRA instead of the mock
	token        credentials.JIRA
	tokenFile    string
}

const runLong = `run runs the fetchUserProfile script once in the Auth0-like sandbox and prints
what it returns.

By default it starts a mock JIRA in the process, does the OAuth 1.0a dance with
the mock's test consumer as --user, and runs the script with the access token.

Against a real JIRA, give an access token you already hold:
  bridge run --jira-url URL --consumer-key KEY --private-key FILE --token T --token-secret S
or --token-file FILE (as written by bridge live --save-token) with --private-key.
Flags win over the token file.

The profile goes to stdout as indented JSON, the script's console to stderr.
A failure prints its outcome (callback, exception, timeout, double_callback,
memory, syntax), message and stack on stderr. --json prints the whole result
as one JSON object on stdout instead.

Exit codes: 0 a profile that passed Auth0's profile checks; 1 the script
failed or the profile has an error finding; 2 bad usage or input (flags,
unreadable files, an unknown --user); 3 a real JIRA failed the run (no answer,
or a 5xx, on the script's last request).`

func newRunCmd() *cobra.Command {
	f := &runFlags{}
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the fetchUserProfile script once, against the mock JIRA or a real one",
		Long:  runLong,
		Example: `  bridge run
  bridge run --user jdoe
  bridge run --flavor cloud --user 5b10a2844c20165700ede21g   # Cloud users are named by accountId
  bridge run --script my-script.js --json
  bridge run --token-file jira-token.json --private-key jira.key`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runRun(cmd, f) },
	}
	fs := cmd.Flags()
	f.runtime.add(fs)
	fs.StringVar(&f.user, "user", "", "mock JIRA user to log in as: a name on server, an accountId on cloud (default: the flavor's first user)")
	fs.StringVar(&f.flavor, "flavor", "server", "mock JIRA flavor: server or cloud")
	fs.BoolVar(&f.asJSON, "json", false, "print the result as one JSON object on stdout")
	f.jira.add(fs, false)
	fs.StringVar(&f.token.Token, "token", "", "access token for the real JIRA")
	fs.StringVar(&f.token.TokenSecret, "token-secret", "", "access token secret for the real JIRA")
	fs.StringVar(&f.tokenFile, "token-file", "", `JSON file {"jira_url","consumer_key","token","token_secret"} (bridge live --save-token)`)
	return cmd
}

// runTarget is what a run talks to: the JIRA, the consumer and the token.
type runTarget struct {
	credentials.JIRA
	PrivateKeyPEM string
}

func runRun(cmd *cobra.Command, f *runFlags) error {
	maxMemory, err := f.runtime.limits()
	if err != nil {
		return err
	}
	src, err := f.runtime.load()
	if err != nil {
		return err
	}
	real := f.real(cmd)
	var target runTarget
	if real {
		target, err = f.realTarget(cmd)
	} else {
		var mock *jiramock.Mock
		mock, target, err = f.mockTarget(cmd.Context())
		if mock != nil {
			defer mock.Close()
		}
	}
	if err != nil {
		return err
	}
	res := runScript(cmd.Context(), src, target, script.Options{Timeout: f.runtime.timeout, MaxMemory: maxMemory})
	return printResult(cmd.OutOrStdout(), cmd.ErrOrStderr(), res, f.asJSON, real, src.Sources())
}

// runScript renders src for the target's JIRA and runs it once with the
// target's token; a syntax error is the run's outcome.
func runScript(ctx context.Context, src scriptsrc.Source, t runTarget, opts script.Options) *script.Result {
	prog, err := script.Compile(src.Name, bridge.RenderScript(src.Text, t.JIRAURL))
	if err != nil {
		return script.CompileFailure(err)
	}
	opts.Token, opts.TokenSecret = t.Token, t.TokenSecret
	opts.Ctx = script.ContextFor(t.JIRAURL, t.ConsumerKey, t.PrivateKeyPEM)
	return prog.Run(ctx, opts)
}

// real reports whether the flags ask for a real JIRA rather than the mock.
func (f *runFlags) real(cmd *cobra.Command) bool {
	for _, name := range []string{"jira-url", "consumer-key", "private-key", "token", "token-secret", "token-file"} {
		if cmd.Flags().Changed(name) {
			return true
		}
	}
	return false
}

// realTarget resolves a real JIRA from the flags and the token file; flags win.
func (f *runFlags) realTarget(cmd *cobra.Command) (runTarget, error) {
	for _, name := range []string{"user", "flavor"} {
		if cmd.Flags().Changed(name) {
			return runTarget{}, usageErr("--%s is for the mock JIRA; it has no use with --jira-url, --token or --token-file", name)
		}
	}
	t := runTarget{JIRA: credentials.JIRA{JIRAURL: f.jira.url, ConsumerKey: f.jira.consumerKey, Token: f.token.Token, TokenSecret: f.token.TokenSecret}}
	if f.tokenFile != "" {
		tf, err := live.ReadTokenFile(f.tokenFile)
		if err != nil {
			return t, usageErr("--token-file: %v", err)
		}
		t.JIRA = t.Fill(tf)
	}
	missing := missingFlags(flagValue{"--jira-url", t.JIRAURL}, flagValue{"--consumer-key", t.ConsumerKey}, flagValue{"--private-key", f.jira.privateKey},
		flagValue{"--token", t.Token}, flagValue{"--token-secret", t.TokenSecret})
	if len(missing) > 0 {
		return t, usageErr("missing %s: a run against a real JIRA needs its base URL, the consumer key and private key, and an access token (get one with `bridge live --save-token FILE`, then pass --token-file FILE)",
			strings.Join(missing, ", "))
	}
	_, pemBytes, err := keys.LoadPrivateKey(f.jira.privateKey)
	if err != nil {
		return t, usageErr("--private-key: %v", err)
	}
	t.PrivateKeyPEM = string(pemBytes)
	return t, nil
}

// mockTarget starts the in-process mock JIRA and does the dance as --user
// with the shipped test consumer. The mock is returned, to be closed, even
// when the dance fails.
func (f *runFlags) mockTarget(ctx context.Context) (*jiramock.Mock, runTarget, error) {
	flavor, err := jiramock.ParseFlavor(f.flavor)
	if err != nil {
		return nil, runTarget{}, usageErr("--flavor %q: use server or cloud", f.flavor)
	}
	if err := checkMockUser("--user", f.user, jiramock.DefaultUsers(flavor), flavor); err != nil {
		return nil, runTarget{}, err
	}
	mock, err := jiramock.New(jiramock.Config{Flavor: flavor})
	if err != nil {
		return nil, runTarget{}, fmt.Errorf("run: starting the mock JIRA: %w", err)
	}
	key, err := keys.ParsePrivateKey(bridge.TestPrivateKeyPEM, "the shipped test key")
	if err != nil {
		return mock, runTarget{}, fmt.Errorf("run: %w", err)
	}
	token, secret, err := jiramock.Dance(ctx, mock.URL(), bridge.DefaultConsumerKey, key, f.user)
	if err != nil {
		return mock, runTarget{}, remoteErr(fmt.Errorf("run: the OAuth dance with the mock JIRA failed: %w", err))
	}
	return mock, runTarget{JIRA: credentials.JIRA{JIRAURL: mock.URL(), ConsumerKey: bridge.DefaultConsumerKey, Token: token, TokenSecret: secret},
		PrivateKeyPEM: string(bridge.TestPrivateKeyPEM)}, nil
}

// checkMockUser refuses a user ID ("" is none) that is not among users
// (exit 2), naming the flag and the users there are.
func checkMockUser(flag, id string, users []jiramock.User, flavor jiramock.Flavor) error {
	if id == "" {
		return nil
	}
	ids := make([]string, len(users))
	for i, u := range users {
		if ids[i] = u.ID(); ids[i] == id {
			return nil
		}
	}
	return usageErr("%s %q: the %s mock has no such user; use one of %s", flag, id, flavor, strings.Join(ids, ", "))
}

// printResult prints a run's Result, for `bridge run` and `bridge live`, as
// JSON (asJSON) or text (render), and turns its verdict into the exit code:
// 1 unless the script returned a profile without error findings; against a
// real JIRA (realJIRA), 3 when the run failed because JIRA did.
// sources (file name to source) lets a failure quote the line of its stack.
func printResult(stdout, stderr io.Writer, res *script.Result, asJSON, realJIRA bool, sources map[string]string) error {
	v := verdict.Judge(res, realJIRA)
	if asJSON {
		if err := render.RunJSON(stdout, res, v.Findings); err != nil {
			return err
		}
	} else {
		render.RunText(stdout, stderr, res, v.Findings, sources)
	}
	switch v.Kind {
	case verdict.JIRAFailed:
		return remoteErr(fmt.Errorf("JIRA failed (%s), so the script could not be checked; try again, or check that JIRA is up and that this machine reaches it", v.JIRAFailure))
	case verdict.Failed:
		return checkFailed(nil)
	}
	return nil
}
