package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

func init() { commands = append(commands, newLiveCmd) }

// liveFlags are the options of `bridge live`.
type liveFlags struct {
	jiraURL, consumerKey, privateKey string
	script                           string
	callbackAddr                     string
	noBrowser, oob, json             bool
	approveTimeout                   time.Duration
	saveToken                        string
	timeout                          time.Duration // the script's, as bridge run --timeout
	maxMemory                        string        // as bridge run --max-memory
}

// openBrowser opens the authorize URL; tests replace it.
var openBrowser = live.OpenBrowser

func newLiveCmd() *cobra.Command {
	var f liveFlags
	cmd := &cobra.Command{
		Use:   "live --jira-url URL --consumer-key KEY --private-key FILE",
		Short: "Check a real JIRA: do the OAuth dance in your browser, then run the script against it",
		Long: `live checks the whole chain against a real JIRA before you publish: the
Application Link's consumer key, the key pair, and the script.

It asks JIRA for a request token (RSA-SHA1, with a callback to a server on
this machine's loopback), prints the authorize URL and opens your browser.
You log in to JIRA as the user to check and click Allow. live then fetches the
access token and runs the script against JIRA with it, and prints the profile
with its Auth0 checks, as 'bridge run' does.

With --oob, JIRA shows a verifier instead of redirecting back: paste it (or the
whole URL the browser landed on). Use it over SSH, or where JIRA sends the
browser to the Application Link's own callback.

--save-token FILE keeps the access token (mode 0600) for
'bridge run --token-file FILE', e.g. in CI. The token is as good as a password
for that JIRA user; keep the file private.

The authorize URL, progress and advice go to stderr; the profile to stdout.
Exit codes: 0 the profile passed its checks; 1 JIRA refused (oauth_problem),
the user denied access, no approval in time, or the script or the profile
failed; 2 bad input; 3 JIRA unreachable or failing (5xx).`,
		Example: `  bridge live --jira-url https://jira.example.com --consumer-key auth0-jira --private-key jira.key
  bridge live --jira-url https://jira.example.com --consumer-key auth0-jira --private-key jira.key --oob
  bridge live --jira-url https://jira.example.com --consumer-key auth0-jira --private-key jira.key --save-token jira-token.json
  bridge run --token-file jira-token.json --private-key jira.key`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runLive(cmd, f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.jiraURL, "jira-url", "", "JIRA's base URL, e.g. https://jira.example.com (required)")
	fl.StringVar(&f.consumerKey, "consumer-key", "", "the Application Link's incoming consumer key (the connection's client_id) (required)")
	fl.StringVar(&f.privateKey, "private-key", "", "PEM file of the RSA private key whose public key is in the Application Link (required)")
	fl.StringVar(&f.script, "script", "", "fetchUserProfile script file, with JIRA_URL where the base URL goes (default: the shipped script)")
	fl.StringVar(&f.callbackAddr, "callback-addr", live.DefaultCallbackAddr, "loopback address for the OAuth callback")
	fl.BoolVar(&f.noBrowser, "no-browser", false, "print the authorize URL only; do not open a browser")
	fl.BoolVar(&f.oob, "oob", false, "ask JIRA to show the verifier instead of redirecting; paste it here")
	fl.DurationVar(&f.approveTimeout, "approve-timeout", live.DefaultApproveTimeout, "how long to wait for the approval")
	fl.BoolVar(&f.json, "json", false, "print the result as one JSON object on stdout, as bridge run --json does")
	fl.DurationVar(&f.timeout, "timeout", script.DefaultTimeout, "time limit of the script, like Auth0's (as bridge run)")
	fl.StringVar(&f.maxMemory, "max-memory", "256MiB", maxMemoryHelp)
	fl.StringVar(&f.saveToken, "save-token", "", "write the access token to this file (mode 0600) for 'bridge run --token-file'")
	return cmd
}

func runLive(cmd *cobra.Command, f liveFlags) error {
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	if err := f.check(cmd); err != nil {
		return err
	}
	jiraURL, _ := jira.NormalizeBaseURL(f.jiraURL) // checked above: what publish stores
	key, keyPEM, err := keys.LoadPrivateKey(f.privateKey)
	if err != nil {
		return usageErr("--private-key: %w", err)
	}
	// Never print the private key (nor, later, the token secret).
	errw := redact.New(string(keyPEM)).Writer(stderr)
	if u, _ := url.Parse(jiraURL); u.Scheme == "http" && !isLoopback(u.Hostname()) {
		fmt.Fprintf(errw, "bridge: warning: %s is plain http: the OAuth tokens cross the network in the clear; use JIRA's https URL\n", jiraURL)
	}
	if keys.IsTestKey(key) {
		fmt.Fprintln(errw, "bridge: warning: --private-key is bridge's public test key; a real JIRA must never trust it")
	}
	// The script is compiled before the dance, so a syntax error costs no
	// approval; it is reported as bridge run reports it.
	prog, err := compileLiveScript(f.script, jiraURL)
	if err != nil {
		var se *script.SyntaxError
		if errors.As(err, &se) {
			return printResult(cmd.OutOrStdout(), errw, script.CompileFailure(se), f.json, false, nil)
		}
		return err
	}

	opts := live.Options{
		JIRAURL:        jiraURL,
		ConsumerKey:    f.consumerKey,
		PrivateKey:     key,
		PrivateKeyFile: f.privateKey,
		CallbackAddr:   f.callbackAddr,
		OOB:            f.oob,
		ApproveTimeout: f.approveTimeout,
		Stdin:          cmd.InOrStdin(),
		Progress:       errw,
	}
	if !f.noBrowser && live.HasDisplay(runtime.GOOS, os.Getenv) {
		opts.OpenBrowser = openBrowser
	}
	tok, err := live.Run(ctx, opts)
	if err != nil {
		return liveFailure(cmd.OutOrStdout(), errw, err, f.json)
	}
	errw = redact.New(string(keyPEM), tok.TokenSecret).Writer(stderr)

	if f.saveToken != "" {
		tf := live.TokenFile{JIRAURL: jiraURL, ConsumerKey: f.consumerKey, Token: tok.Token, TokenSecret: tok.TokenSecret}
		if err := live.WriteTokenFile(f.saveToken, tf); err != nil {
			return usageErr("%w", err)
		}
		fmt.Fprintf(errw, "bridge: saved the access token to %s (mode 0600); use it with bridge run --token-file %s\n", f.saveToken, f.saveToken)
	}

	fmt.Fprintf(errw, "bridge: running %s against %s\n", prog.Filename(), jiraURL)
	maxMemory, _ := parseMaxMemory(f.maxMemory) // checked in check
	res := prog.Run(ctx, script.Options{
		Token:       tok.Token,
		TokenSecret: tok.TokenSecret,
		Ctx:         script.ContextFor(jiraURL, f.consumerKey, string(keyPEM)),
		Timeout:     f.timeout,
		MaxMemory:   maxMemory,
	})
	return printResult(cmd.OutOrStdout(), errw, res, f.json, true, map[string]string{prog.Filename(): prog.Source()})
}

// check says what is missing or wrong among the flags (exit 2).
func (f liveFlags) check(cmd *cobra.Command) error {
	var missing []string
	for _, m := range []struct{ name, val string }{{"--jira-url", f.jiraURL}, {"--consumer-key", f.consumerKey}, {"--private-key", f.privateKey}} {
		if m.val == "" {
			missing = append(missing, m.name)
		}
	}
	if len(missing) > 0 {
		return usageErr("missing %s: live needs JIRA's base URL, the consumer key of its Application Link and the private key whose public key JIRA holds (see 'bridge live --help')", strings.Join(missing, ", "))
	}
	if _, err := jira.NormalizeBaseURL(f.jiraURL); err != nil {
		return jiraURLErr(err)
	}
	if f.approveTimeout <= 0 {
		return usageErr("--approve-timeout must be positive, e.g. 5m")
	}
	if f.timeout <= 0 {
		return usageErr("--timeout %s: give a positive duration such as 20s", f.timeout)
	}
	if _, err := parseMaxMemory(f.maxMemory); err != nil {
		return err
	}
	if f.oob && cmd.Flags().Changed("callback-addr") {
		return usageErr("--callback-addr has no use with --oob: JIRA redirects nowhere")
	}
	// Found before the dance, a bad --save-token path costs no approval.
	if f.saveToken != "" {
		dir := filepath.Dir(f.saveToken)
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return usageErr("--save-token %s: the directory %s does not exist; create it or pick another path", f.saveToken, dir)
		}
		if info, err := os.Stat(f.saveToken); err == nil && info.IsDir() {
			return usageErr("--save-token %s is a directory; give a file name, e.g. %s", f.saveToken, filepath.Join(f.saveToken, "jira-token.json"))
		}
	}
	return nil
}

// compileLiveScript compiles --script, or the shipped script, for jiraURL. A
// file that cannot be read is bad input; a syntax error is a *script.SyntaxError.
func compileLiveScript(path, jiraURL string) (*script.Program, error) {
	name, src := bridge.ShippedScriptName, bridge.ShippedScript
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, usageErr("--script: %v; pass a fetchUserProfile script (`bridge init` writes one)", unwrapPathError(err))
		}
		name, src = path, string(data)
	}
	return script.Compile(name, jira.RenderScript(src, jiraURL))
}

// liveFailure prints a failed dance with its advice (and, with --json, the
// error as JSON on stdout) and maps it to an exit code: bad input 2, JIRA
// unreachable or failing 3, anything else 1.
func liveFailure(stdout, w io.Writer, err error, asJSON bool) error {
	var e *live.Error
	if !errors.As(err, &e) {
		if errors.Is(err, context.Canceled) {
			return checkFailed(errors.New("live: stopped before the dance was done"))
		}
		return checkFailed(err)
	}
	code := ExitCheckFailed
	switch e.Kind {
	case live.KindInput:
		code = ExitUsage
	case live.KindUnreachable, live.KindServer:
		code = ExitRemote
	}
	if asJSON {
		// live.Error's fields, plus the exit code as every --json error has
		// it (jsonerror.go).
		var doc map[string]any
		raw, err := json.Marshal(e)
		if err == nil {
			err = json.Unmarshal(raw, &doc)
		}
		if err != nil {
			return err
		}
		doc["exit_code"] = code
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(map[string]any{"error": doc}); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "bridge: %v\n", e)
	if e.Advice != "" {
		fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(e.Advice, "\n", "\n  "))
	}
	return &exitError{Code: code}
}

// isLoopback reports whether host names this machine.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// jiraURLErr turns a refused --jira-url (a *jira.URLError) into bad usage
// naming the flag, with the fix.
func jiraURLErr(err error) error {
	var ue *jira.URLError
	if errors.As(err, &ue) {
		return usageErr("--jira-url: %s; %s", ue.Detail, ue.Fix)
	}
	return usageErr("--jira-url: %w", err)
}
