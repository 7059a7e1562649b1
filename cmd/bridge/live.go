package main

import (
	"crypto/rsa"
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/livecheck"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// liveFlags are the options of `bridge live`.
type liveFlags struct {
	jira                 cliflags.JIRA
	runtime              cliflags.Runtime
	callbackAddr         string
	noBrowser, oob, json bool
	approveTimeout       time.Duration
	saveToken            string
	// --protocol oauth2 (live_oauth2.go)
	protocol, flavor, clientID, clientSecret, redirectURI string
}

func newLiveCmd() *cobra.Command {
	f := &liveFlags{}
	cmd := &cobra.Command{
		Use:   "live --jira-url URL --consumer-key KEY --private-key FILE",
		Short: "Check a real JIRA: do the OAuth dance in your browser, then run the script against it",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runLive(cmd, f) },
	}
	fl := cmd.Flags()
	f.jira.AddFlags(fl, true)
	f.runtime.AddFlags(fl)
	fl.StringVar(&f.callbackAddr, "callback-addr", live.DefaultCallbackAddr, "loopback address for the OAuth callback")
	fl.BoolVar(&f.noBrowser, "no-browser", false, "print the authorize URL only; do not open a browser")
	fl.BoolVar(&f.oob, "oob", false, "ask JIRA to show the verifier instead of redirecting; paste it here")
	fl.DurationVar(&f.approveTimeout, "approve-timeout", live.DefaultApproveTimeout, "how long to wait for the approval")
	fl.BoolVar(&f.json, "json", false, "print the result as one JSON object on stdout, as bridge run --json does")
	fl.StringVar(&f.saveToken, "save-token", "", "write the access token to this file (mode 0600) for 'bridge run --token-file'")
	cliflags.AddProtocolFlag(fl, &f.protocol, "oauth1", "oauth2 does the authorization code dance with PKCE (--jira-client-id, --jira-client-secret)")
	fl.StringVar(&f.flavor, "flavor", "server", "with --protocol oauth2: server (Jira Data Center, --jira-url) or cloud (Atlassian Cloud)")
	cliflags.AddJIRAClientFlags(fl, &f.clientID, &f.clientSecret, "Jira's incoming link or your Atlassian app (--protocol oauth2)")
	fl.StringVar(&f.redirectURI, "redirect-uri", "http://127.0.0.1:8976/callback", "with --protocol oauth2: the client's registered redirect URI, a loopback URL bridge listens on (or any, with --oob)")
	return cmd
}

func runLive(cmd *cobra.Command, f *liveFlags) error {
	if err := cliflags.CheckProtocol(f.protocol, false); err != nil {
		return err
	}
	if f.protocol == "oauth2" {
		return runLiveOAuth2(cmd, f)
	}
	if err := f.jira.Resolve(os.Getenv, cmd.InOrStdin()); err != nil {
		return err
	}
	maxMemory, err := f.check(cmd)
	if err != nil {
		return err
	}
	jiraURL, _ := jira.NormalizeBaseURL(f.jira.URL) // checked in check: what publish stores
	key, keyPEM, err := f.jira.LoadKey()
	if err != nil {
		return exit.Usagef("--private-key: %w", err)
	}
	// Never print the private key (nor, later, the token secret).
	log := redact.New(string(keyPEM)).Writer(cmd.ErrOrStderr())
	livecheck.Warn(log, jiraURL, key)
	prog, err := f.compile(jiraURL)
	if err != nil {
		return f.report(cmd.OutOrStdout(), livecheck.CompileFailed(err, log))
	}
	c := livecheck.OAuth1{Dance: f.options(cmd, jiraURL, key), KeyPEM: string(keyPEM), Program: prog, SaveToken: f.saveToken,
		Limits: script.Options{Timeout: f.runtime.Timeout, MaxMemory: maxMemory, Runtime: f.runtime.Runtime}}
	return f.report(cmd.OutOrStdout(), c.Run(cmd.Context(), cmd.ErrOrStderr()))
}

// check says what is missing or wrong among the flags (exit 2), before any
// request, and returns --max-memory in bytes. With --protocol oauth2,
// live.RunOAuth2 checks the client, the flavour and the URL.
func (f *liveFlags) check(cmd *cobra.Command) (int64, error) {
	oauth1 := f.protocol != "oauth2"
	if missing := f.jira.Missing(); oauth1 && len(missing) > 0 {
		return 0, exit.Usagef("missing %s: live needs JIRA's base URL, the consumer key of its Application Link and the private key whose public key JIRA holds (see 'bridge live --help')", strings.Join(missing, ", "))
	}
	if _, err := jira.NormalizeBaseURL(f.jira.URL); oauth1 && err != nil {
		return 0, cliflags.URLErr(err)
	}
	if f.approveTimeout <= 0 {
		return 0, exit.Usagef("--approve-timeout must be positive, e.g. 5m")
	}
	maxMemory, err := f.runtime.Limits()
	if err != nil {
		return 0, err
	}
	if oauth1 && f.oob && cmd.Flags().Changed("callback-addr") {
		return 0, exit.Usagef("--callback-addr has no use with --oob: JIRA redirects nowhere")
	}
	// Found before the dance, a bad --save-token path costs no approval.
	return maxMemory, cliflags.CheckOutputFile("--save-token", f.saveToken, "jira-token.json")
}

// compile compiles --script, or the shipped script, rendered for jiraURL as
// publish renders it (scriptsrc.Source.Render). A file that cannot be read is
// bad input; a syntax error is a *script.SyntaxError.
func (f *liveFlags) compile(jiraURL string) (*script.Program, error) {
	src, err := f.runtime.Load()
	if err != nil {
		return nil, err
	}
	return script.Compile(src.Name, src.Render(jiraURL))
}

// options are the dance's options.
func (f *liveFlags) options(cmd *cobra.Command, jiraURL string, key *rsa.PrivateKey) live.Options {
	return live.Options{JIRAURL: jiraURL, ConsumerKey: f.jira.ConsumerKey, PrivateKey: key, PrivateKeyFile: f.jira.PrivateKey,
		CallbackAddr: f.callbackAddr, OOB: f.oob, ApproveTimeout: f.approveTimeout, Stdin: cmd.InOrStdin(),
		OpenBrowser: live.Opener(f.noBrowser, runtime.GOOS, os.Getenv)}
}

// report prints the check's outcome (printResult) and maps it to the exit
// code; a check that stopped before the script ran is liveFailure's.
func (f *liveFlags) report(stdout io.Writer, out livecheck.Outcome) error {
	if out.Err != nil {
		return liveFailure(stdout, out.Log, out.Err, f.json)
	}
	return printResult(stdout, out.Log, out.Result, f.json, out.Real, out.Sources)
}

// liveFailure maps a check that stopped to an exit code: a token file that
// cannot be written 2; a failed dance, printed with its advice (and, with
// --json, as JSON on stdout), bad input 2, JIRA unreachable or failing 3,
// anything else 1. An error that is not the check's is returned as it is.
func liveFailure(stdout, w io.Writer, err error, asJSON bool) error {
	var ce *livecheck.Error
	var e *live.Error
	switch {
	case !errors.As(err, &ce) || ce.Stage == livecheck.StageWorker:
		return err
	case ce.Stage == livecheck.StageSave:
		return exit.Usagef("%w", ce.Err)
	case !errors.As(err, &e):
		return exit.Failed(ce.Err)
	}
	code := exit.CheckFailed
	switch e.Kind {
	case live.KindInput:
		code = exit.Usage
	case live.KindUnreachable, live.KindServer:
		code = exit.Remote
	}
	if err := render.LiveFailure(stdout, w, e, code, asJSON); err != nil {
		return err
	}
	return &exit.Error{Code: code}
}
