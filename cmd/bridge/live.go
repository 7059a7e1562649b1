package main

import (
	"context"
	"crypto/rsa"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/dghubble/oauth1"
	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/loopback"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/jira-auth0-bridge/bridge/internal/sandbox"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// liveFlags are the options of `bridge live`.
type liveFlags struct {
	jira                 jiraFlags
	runtime              runtimeFlags
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
	f.jira.add(fl, true)
	f.runtime.add(fl)
	fl.StringVar(&f.callbackAddr, "callback-addr", live.DefaultCallbackAddr, "loopback address for the OAuth callback")
	fl.BoolVar(&f.noBrowser, "no-browser", false, "print the authorize URL only; do not open a browser")
	fl.BoolVar(&f.oob, "oob", false, "ask JIRA to show the verifier instead of redirecting; paste it here")
	fl.DurationVar(&f.approveTimeout, "approve-timeout", live.DefaultApproveTimeout, "how long to wait for the approval")
	fl.BoolVar(&f.json, "json", false, "print the result as one JSON object on stdout, as bridge run --json does")
	fl.StringVar(&f.saveToken, "save-token", "", "write the access token to this file (mode 0600) for 'bridge run --token-file'")
	addProtocolFlag(fl, &f.protocol, "oauth1", "oauth2 does the authorization code dance with PKCE (--jira-client-id, --jira-client-secret)")
	fl.StringVar(&f.flavor, "flavor", "server", "with --protocol oauth2: server (Jira Data Center, --jira-url) or cloud (Atlassian Cloud)")
	addJIRAClientFlags(fl, &f.clientID, &f.clientSecret, "Jira's incoming link or your Atlassian app (--protocol oauth2)")
	fl.StringVar(&f.redirectURI, "redirect-uri", "http://127.0.0.1:8976/callback", "with --protocol oauth2: the client's registered redirect URI, a loopback URL bridge listens on (or any, with --oob)")
	return cmd
}

func runLive(cmd *cobra.Command, f *liveFlags) error {
	if err := checkProtocol(f.protocol, false); err != nil {
		return err
	}
	if f.protocol == "oauth2" {
		return runLiveOAuth2(cmd, f)
	}
	if err := f.jira.resolve(cmd.InOrStdin()); err != nil {
		return err
	}
	maxMemory, err := f.check(cmd)
	if err != nil {
		return err
	}
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	jiraURL, _ := jira.NormalizeBaseURL(f.jira.url) // checked in check: what publish stores
	key, keyPEM, err := f.jira.loadKey()
	if err != nil {
		return exit.Usagef("--private-key: %w", err)
	}
	// Never print the private key (nor, later, the token secret).
	errw := redact.New(string(keyPEM)).Writer(stderr)
	warnLive(errw, jiraURL, key)
	// The script is compiled before the dance, so a syntax error costs no
	// approval; it is reported as bridge run reports it.
	prog, err := f.compile(jiraURL)
	if err != nil {
		var se *script.SyntaxError
		if errors.As(err, &se) {
			return printResult(stdout, errw, script.CompileFailure(se), f.json, false, nil)
		}
		return err
	}
	// The script runs in a sandbox worker process (internal/sandbox), started
	// now so that it is ready when the dance is done.
	pool, err := sandbox.NewPool(sandbox.Config{Workers: 1})
	if err != nil {
		return fmt.Errorf("live: starting the sandbox worker: %w", err)
	}
	defer pool.Close()
	tok, err := live.Run(cmd.Context(), f.options(cmd, jiraURL, key, errw))
	if err != nil {
		return liveFailure(stdout, errw, err, f.json)
	}
	errw = redact.New(string(keyPEM), tok.TokenSecret).Writer(stderr)
	if err := f.save(errw, jiraURL, tok); err != nil {
		return err
	}
	fmt.Fprintf(errw, "bridge: running %s against %s\n", prog.Filename(), jiraURL)
	res := pool.Run(cmd.Context(), prog, script.Options{
		Token:       tok.Token,
		TokenSecret: tok.TokenSecret,
		Ctx:         script.ContextFor(jiraURL, f.jira.consumerKey, string(keyPEM)),
		Timeout:     f.runtime.timeout,
		MaxMemory:   maxMemory,
	})
	return printResult(stdout, errw, res, f.json, true, map[string]string{prog.Filename(): prog.Source()})
}

// warnLive warns of a plain-http JIRA elsewhere than this machine, and of the
// public test key.
func warnLive(w io.Writer, jiraURL string, key *rsa.PrivateKey) {
	if u, _ := url.Parse(jiraURL); u.Scheme == "http" && !loopback.Host(u.Hostname()) {
		fmt.Fprintf(w, "bridge: warning: %s is plain http: the OAuth tokens cross the network in the clear; use JIRA's https URL\n", jiraURL)
	}
	if keys.IsTestKey(key) {
		fmt.Fprintln(w, "bridge: warning: --private-key is bridge's public test key; a real JIRA must never trust it")
	}
}

// check says what is missing or wrong among the flags (exit 2), before any
// request, and returns --max-memory in bytes.
func (f *liveFlags) check(cmd *cobra.Command) (int64, error) {
	if missing := f.jira.missing(); len(missing) > 0 {
		return 0, exit.Usagef("missing %s: live needs JIRA's base URL, the consumer key of its Application Link and the private key whose public key JIRA holds (see 'bridge live --help')", strings.Join(missing, ", "))
	}
	if _, err := jira.NormalizeBaseURL(f.jira.url); err != nil {
		return 0, jiraURLErr(err)
	}
	if f.approveTimeout <= 0 {
		return 0, exit.Usagef("--approve-timeout must be positive, e.g. 5m")
	}
	maxMemory, err := f.runtime.limits()
	if err != nil {
		return 0, err
	}
	if f.oob && cmd.Flags().Changed("callback-addr") {
		return 0, exit.Usagef("--callback-addr has no use with --oob: JIRA redirects nowhere")
	}
	// Found before the dance, a bad --save-token path costs no approval.
	return maxMemory, checkOutputFile("--save-token", f.saveToken, "jira-token.json")
}

// compile compiles --script, or the shipped script, rendered for jiraURL as
// publish renders it (scriptsrc.Source.Render). A file that cannot be read is
// bad input; a syntax error is a *script.SyntaxError.
func (f *liveFlags) compile(jiraURL string) (*script.Program, error) {
	src, err := f.runtime.load()
	if err != nil {
		return nil, err
	}
	return script.Compile(src.Name, src.Render(jiraURL))
}

// options are the dance's options; progress goes to w.
func (f *liveFlags) options(cmd *cobra.Command, jiraURL string, key *rsa.PrivateKey, w io.Writer) live.Options {
	opts := live.Options{
		JIRAURL:        jiraURL,
		ConsumerKey:    f.jira.consumerKey,
		PrivateKey:     key,
		PrivateKeyFile: f.jira.privateKey,
		CallbackAddr:   f.callbackAddr,
		OOB:            f.oob,
		ApproveTimeout: f.approveTimeout,
		Stdin:          cmd.InOrStdin(),
		Progress:       w,
	}
	if !f.noBrowser && live.HasDisplay(runtime.GOOS, os.Getenv) {
		opts.OpenBrowser = live.OpenBrowser
	}
	return opts
}

// save writes the token to --save-token, if given.
func (f *liveFlags) save(w io.Writer, jiraURL string, tok *oauth1.Token) error {
	if f.saveToken == "" {
		return nil
	}
	tf := live.TokenFile{JIRAURL: jiraURL, ConsumerKey: f.jira.consumerKey, Token: tok.Token, TokenSecret: tok.TokenSecret}
	if err := live.WriteTokenFile(f.saveToken, tf); err != nil {
		return exit.Usagef("%w", err)
	}
	fmt.Fprintf(w, "bridge: saved the access token to %s (mode 0600); use it with bridge run --token-file %s\n", f.saveToken, f.saveToken)
	return nil
}

// liveFailure prints a failed dance with its advice (and, with --json, the
// error as JSON on stdout) and maps it to an exit code: bad input 2, JIRA
// unreachable or failing 3, anything else 1.
func liveFailure(stdout, w io.Writer, err error, asJSON bool) error {
	var e *live.Error
	if !errors.As(err, &e) {
		if errors.Is(err, context.Canceled) {
			return exit.Failed(errors.New("live: stopped before the dance was done"))
		}
		return exit.Failed(err)
	}
	code := exit.CheckFailed
	switch e.Kind {
	case live.KindInput:
		code = exit.Usage
	case live.KindUnreachable, live.KindServer:
		code = exit.Remote
	}
	if asJSON {
		if err := render.LiveErrorJSON(stdout, e, code); err != nil {
			return err
		}
	}
	render.LiveError(w, e)
	return &exit.Error{Code: code}
}
