package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/jiratarget"
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
	protocol     string
	asJSON       bool
	jira         jiraFlags // a real JIRA instead of the mock
	token        credentials.JIRA
	tokenFile    string
}

func newRunCmd() *cobra.Command {
	f := &runFlags{}
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the fetchUserProfile script once, against the mock JIRA or a real one",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runRun(cmd, f) },
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
	addProtocolFlag(fs, &f.protocol, "oauth1", "oauth2 runs fn(accessToken, ctx, cb) after an OAuth 2.0 dance with the mock, or with --token/--token-file")
	return cmd
}

func runRun(cmd *cobra.Command, f *runFlags) error {
	maxMemory, err := f.runtime.limits()
	if err != nil {
		return err
	}
	if err := checkProtocol(f.protocol, false); err != nil {
		return err
	}
	src, err := f.runtime.loadFor(f.protocol, f.flavor)
	if err != nil {
		return err
	}
	real := f.real(cmd)
	if err := checkMockScript(src); err != nil && !real {
		return err
	}
	var target interface {
		Run(context.Context, scriptsrc.Source, script.Options) *script.Result
		Close()
	}
	if f.protocol == "oauth2" {
		target, err = f.oauth2Target(cmd, real)
	} else {
		target, err = f.target(cmd, real)
	}
	if err != nil {
		return err
	}
	defer target.Close()
	res := target.Run(cmd.Context(), src, script.Options{Timeout: f.runtime.timeout, MaxMemory: maxMemory})
	return printResult(cmd.OutOrStdout(), cmd.ErrOrStderr(), res, f.asJSON, real, src.Sources())
}

// target is the real JIRA the flags name, or the mock with the dance done.
func (f *runFlags) target(cmd *cobra.Command, real bool) (*jiratarget.Target, error) {
	if real {
		return f.realTarget(cmd)
	}
	flavor, err := jiramock.ParseFlavor(f.flavor)
	if err != nil {
		return nil, exit.Usagef("--flavor %q: use server or cloud", f.flavor)
	}
	t, err := jiratarget.Mock(cmd.Context(), flavor, f.user)
	var ue *jiratarget.UnknownUserError
	switch {
	case errors.As(err, &ue):
		return nil, exit.Usagef("--user %v", ue)
	case errors.Is(err, jiratarget.ErrDance):
		return nil, exit.RemoteFailed(fmt.Errorf("run: %w", err))
	case err != nil:
		return nil, fmt.Errorf("run: %w", err)
	}
	return t, nil
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
func (f *runFlags) realTarget(cmd *cobra.Command) (*jiratarget.Target, error) {
	for _, name := range []string{"user", "flavor"} {
		if cmd.Flags().Changed(name) {
			return nil, exit.Usagef("--%s is for the mock JIRA; it has no use with --jira-url, --token or --token-file", name)
		}
	}
	t := credentials.JIRA{JIRAURL: f.jira.url, ConsumerKey: f.jira.consumerKey, Token: f.token.Token, TokenSecret: f.token.TokenSecret}
	if f.tokenFile != "" {
		tf, err := live.ReadTokenFile(f.tokenFile)
		if err != nil {
			return nil, exit.Usagef("--token-file: %v", err)
		}
		t = t.Fill(tf)
	}
	missing := missingFlags(flagValue{"--jira-url", t.JIRAURL}, flagValue{"--consumer-key", t.ConsumerKey}, flagValue{"--private-key", f.jira.privateKey},
		flagValue{"--token", t.Token}, flagValue{"--token-secret", t.TokenSecret})
	if len(missing) > 0 {
		return nil, exit.Usagef("missing %s: a run against a real JIRA needs its base URL, the consumer key and private key, and an access token (get one with `bridge live --save-token FILE`, then pass --token-file FILE)",
			strings.Join(missing, ", "))
	}
	base, err := jira.NormalizeBaseURL(t.JIRAURL)
	if err != nil {
		return nil, jiraURLErr(err)
	}
	t.JIRAURL = base // rendered as publish renders it (internal/jira)
	_, pemBytes, err := keys.LoadPrivateKey(f.jira.privateKey)
	if err != nil {
		return nil, exit.Usagef("--private-key: %v", err)
	}
	return jiratarget.Real(t, string(pemBytes)), nil
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
		return exit.RemoteFailed(fmt.Errorf("JIRA failed (%s), so the script could not be checked; try again, or check that JIRA is up and that this machine reaches it", v.JIRAFailure))
	case verdict.Failed:
		return exit.Failed(nil)
	}
	return nil
}
