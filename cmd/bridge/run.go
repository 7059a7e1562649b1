package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

func init() { commands = append(commands, newRunCmd) }

// runFlags are `bridge run`'s flags.
type runFlags struct {
	script    string
	user      string
	flavor    string
	timeout   time.Duration
	maxMemory string
	asJSON    bool

	// Against a real JIRA.
	jiraURL, consumerKey, privateKey string
	token, tokenSecret, tokenFile    string
}

func newRunCmd() *cobra.Command {
	f := &runFlags{}
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the fetchUserProfile script once, against the mock JIRA or a real one",
		Long: `run runs the fetchUserProfile script once in the Auth0-like sandbox and prints
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
or a 5xx, on the script's last request).`,
		Example: `  bridge run
  bridge run --user jdoe
  bridge run --flavor cloud --user 5b10a2844c20165700ede21g   # Cloud users are named by accountId
  bridge run --script my-script.js --json
  bridge run --token-file jira-token.json --private-key jira.key`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runRun(cmd, f) },
	}
	fs := cmd.Flags()
	fs.StringVar(&f.script, "script", "", "fetchUserProfile script file, with JIRA_URL where the base URL goes (default: the shipped script)")
	fs.StringVar(&f.user, "user", "", "mock JIRA user to log in as: a name on server, an accountId on cloud (default: the flavor's first user)")
	fs.StringVar(&f.flavor, "flavor", "server", "mock JIRA flavor: server or cloud")
	fs.DurationVar(&f.timeout, "timeout", script.DefaultTimeout, "time limit of the script, like Auth0's")
	fs.StringVar(&f.maxMemory, "max-memory", "256MiB", maxMemoryHelp)
	fs.BoolVar(&f.asJSON, "json", false, "print the result as one JSON object on stdout")
	fs.StringVar(&f.jiraURL, "jira-url", "", "a real JIRA's base URL (instead of the mock)")
	fs.StringVar(&f.consumerKey, "consumer-key", "", "consumer key of the real JIRA's Application Link")
	fs.StringVar(&f.privateKey, "private-key", "", "PEM file of the consumer's RSA private key")
	fs.StringVar(&f.token, "token", "", "access token for the real JIRA")
	fs.StringVar(&f.tokenSecret, "token-secret", "", "access token secret for the real JIRA")
	fs.StringVar(&f.tokenFile, "token-file", "", `JSON file {"jira_url","consumer_key","token","token_secret"} (bridge live --save-token)`)
	return cmd
}

// runTarget is what a run talks to: the JIRA, the consumer and the token.
type runTarget struct {
	JIRAURL, ConsumerKey, PrivateKeyPEM, Token, TokenSecret string
}

func runRun(cmd *cobra.Command, f *runFlags) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if f.timeout <= 0 {
		return usageErr("--timeout %s: give a positive duration", f.timeout)
	}
	maxMemory, err := parseMaxMemory(f.maxMemory)
	if err != nil {
		return err
	}
	name, src := bridge.ShippedScriptName, bridge.ShippedScript
	if f.script != "" {
		data, err := os.ReadFile(f.script)
		if err != nil {
			return usageErr("--script: %v", unwrapPathError(err))
		}
		name, src = f.script, string(data)
	}

	var target runTarget
	if f.real(cmd) {
		if target, err = f.realTarget(cmd); err != nil {
			return err
		}
	} else {
		mock, t, err := f.mockTarget(ctx)
		if err != nil {
			return err
		}
		defer mock.Close()
		target = t
	}

	prog, err := script.Compile(name, jira.RenderScript(src, target.JIRAURL))
	var res *script.Result
	if err != nil {
		res = script.CompileFailure(err)
	} else {
		res = prog.Run(ctx, script.Options{
			Token:       target.Token,
			TokenSecret: target.TokenSecret,
			Ctx:         script.ContextFor(target.JIRAURL, target.ConsumerKey, target.PrivateKeyPEM),
			Timeout:     f.timeout,
			MaxMemory:   maxMemory,
		})
	}
	return printResult(stdout, stderr, res, f.asJSON, f.real(cmd), map[string]string{name: src})
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
	t := runTarget{JIRAURL: f.jiraURL, ConsumerKey: f.consumerKey, Token: f.token, TokenSecret: f.tokenSecret}
	if f.tokenFile != "" {
		tf, err := LoadTokenFile(f.tokenFile)
		if err != nil {
			return t, err
		}
		t = mergeTokenFile(t, tf)
	}
	var missing []string
	for _, m := range []struct{ flag, value string }{
		{"--jira-url", t.JIRAURL}, {"--consumer-key", t.ConsumerKey}, {"--private-key", f.privateKey},
		{"--token", t.Token}, {"--token-secret", t.TokenSecret},
	} {
		if m.value == "" {
			missing = append(missing, m.flag)
		}
	}
	if len(missing) > 0 {
		return t, usageErr("missing %s: a run against a real JIRA needs its base URL, the consumer key and private key, and an access token (get one with `bridge live --save-token FILE`, then pass --token-file FILE)",
			strings.Join(missing, ", "))
	}
	base, err := jira.NormalizeBaseURL(t.JIRAURL)
	if err != nil {
		return t, jiraURLErr(err)
	}
	t.JIRAURL = base // rendered as publish renders it (internal/jira)
	_, pemBytes, err := keys.LoadPrivateKey(f.privateKey)
	if err != nil {
		return t, usageErr("--private-key: %v", err)
	}
	t.PrivateKeyPEM = string(pemBytes)
	return t, nil
}

// LoadTokenFile reads a token file written by `bridge live --save-token`
// ({"jira_url","consumer_key","token","token_secret"}); a missing or bad file
// is bad input (exit 2) naming the file.
func LoadTokenFile(path string) (live.TokenFile, error) {
	tf, err := live.ReadTokenFile(path)
	if err != nil {
		return tf, usageErr("--token-file: %v", err)
	}
	return tf, nil
}

// mergeTokenFile fills the fields the flags left empty from the token file.
func mergeTokenFile(t runTarget, tf live.TokenFile) runTarget {
	pick := func(flag, file string) string {
		if flag != "" {
			return flag
		}
		return file
	}
	t.JIRAURL = pick(t.JIRAURL, tf.JIRAURL)
	t.ConsumerKey = pick(t.ConsumerKey, tf.ConsumerKey)
	t.Token = pick(t.Token, tf.Token)
	t.TokenSecret = pick(t.TokenSecret, tf.TokenSecret)
	return t
}

// mockTarget starts the in-process mock JIRA and does the dance as --user
// with the shipped test consumer.
func (f *runFlags) mockTarget(ctx context.Context) (*jiramock.Mock, runTarget, error) {
	flavor, err := jiramock.ParseFlavor(f.flavor)
	if err != nil {
		return nil, runTarget{}, usageErr("--flavor %q: use server or cloud", f.flavor)
	}
	users := jiramock.DefaultUsers(flavor)
	if f.user != "" {
		var ids []string
		found := false
		for _, u := range users {
			ids = append(ids, u.ID())
			found = found || u.ID() == f.user
		}
		if !found {
			return nil, runTarget{}, usageErr("--user %q: the %s mock has no such user; use one of %s", f.user, flavor, strings.Join(ids, ", "))
		}
	}
	mock, err := jiramock.New(jiramock.Config{Flavor: flavor})
	if err != nil {
		return nil, runTarget{}, fmt.Errorf("run: starting the mock JIRA: %w", err)
	}
	key, err := keys.ParsePrivateKey(bridge.TestPrivateKeyPEM, "the shipped test key")
	if err != nil {
		mock.Close()
		return nil, runTarget{}, fmt.Errorf("run: %w", err)
	}
	token, secret, err := jiramock.Dance(ctx, mock.URL(), bridge.DefaultConsumerKey, key, f.user)
	if err != nil {
		mock.Close()
		return nil, runTarget{}, remoteErr(fmt.Errorf("run: the OAuth dance with the mock JIRA failed: %w", err))
	}
	return mock, runTarget{JIRAURL: mock.URL(), ConsumerKey: bridge.DefaultConsumerKey,
		PrivateKeyPEM: string(bridge.TestPrivateKeyPEM), Token: token, TokenSecret: secret}, nil
}

// runJSON is the --json object: the script.Result plus the profile's findings.
type runJSON struct {
	*script.Result
	Findings []profile.Finding `json:"findings"`
}

// printResult prints a run's Result, for `bridge run` and `bridge live`: with
// asJSON, one object (the Result plus "findings") on stdout; otherwise the
// console and requests on stderr, the profile as indented JSON on stdout, or
// the failure (outcome, message, stack, err value) on stderr. It returns exit
// 1 unless the script returned a profile without error findings; against a
// real JIRA (realJIRA), exit 3 when the run failed because JIRA did (see
// jiraFailure).
// sources (file name to source) lets a failure quote the line of its stack.
func printResult(stdout, stderr io.Writer, res *script.Result, asJSON, realJIRA bool, sources map[string]string) error {
	var findings []profile.Finding
	if res.Outcome == script.KindProfile {
		findings = profile.Check(res.Profile)
	}
	if asJSON {
		if findings == nil {
			findings = []profile.Finding{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(runJSON{res, findings}); err != nil {
			return err
		}
	} else {
		writeResultText(stdout, stderr, res, findings, sources)
	}
	if realJIRA {
		if why := jiraFailure(res); why != "" {
			return remoteErr(fmt.Errorf("JIRA failed (%s), so the script could not be checked; try again, or check that JIRA is up and that this machine reaches it", why))
		}
	}
	if res.Outcome != script.KindProfile || profile.HasErrors(findings, false) {
		return checkFailed(nil)
	}
	return nil
}

// jiraFailure says how JIRA failed a run that returned no profile: its last
// request got no answer (a network error, but not the sandbox's own EACCES
// refusal of a host other than JIRA's) or a 5xx. It is "" when JIRA answered,
// and the failure, if any, is the script's.
func jiraFailure(res *script.Result) string {
	if res.Outcome == script.KindProfile || len(res.Requests) == 0 {
		return ""
	}
	last := res.Requests[len(res.Requests)-1]
	switch {
	case last.Error != "" && !strings.Contains(last.Error, "EACCES"):
		return fmt.Sprintf("%s %s: %s", last.Method, last.URL, last.Error)
	case last.Status >= 500:
		return fmt.Sprintf("%s %s: HTTP %d", last.Method, last.URL, last.Status)
	}
	return ""
}

// writeResultText is the human form of a Result.
func writeResultText(stdout, stderr io.Writer, res *script.Result, findings []profile.Finding, sources map[string]string) {
	for _, l := range res.Console {
		fmt.Fprintf(stderr, "console.%s: %s\n", l.Level, strings.TrimRight(l.Text, "\n"))
	}
	for _, q := range res.Requests {
		line := fmt.Sprintf("request: %s %s", q.Method, q.URL)
		if q.Status != 0 {
			line += fmt.Sprintf(" -> %d", q.Status)
		}
		if q.Error != "" {
			line += " (" + q.Error + ")"
		}
		fmt.Fprintln(stderr, line)
	}
	if res.Outcome == script.KindProfile {
		// json.Indent keeps the script's key order and its characters.
		var b bytes.Buffer
		if err := json.Indent(&b, res.Profile, "", "  "); err == nil {
			fmt.Fprintln(stdout, b.String())
		} else {
			fmt.Fprintln(stdout, string(res.Profile))
		}
	} else if e := res.Error; e != nil {
		fmt.Fprintf(stderr, "bridge: the script failed: %s: %s\n", e.Kind, e.Message)
		if len(e.Value) > 0 {
			fmt.Fprintf(stderr, "  err passed to cb: %s\n", e.Value)
		}
		// The stack's first line usually repeats the message: show it once.
		stack := strings.TrimPrefix(e.Stack, e.Message+"\n")
		if strings.TrimSpace(stack) != "" && stack != e.Message {
			fmt.Fprintln(stderr, indent(stack))
			for _, frame := range strings.Split(stack, "\n") {
				if src, caret := report.SourceAt(frame, sources); src != "" {
					fmt.Fprintf(stderr, "    %s\n", src)
					if caret != "" {
						fmt.Fprintf(stderr, "    %s\n", caret)
					}
					break
				}
			}
		}
	}
	errs := 0
	for _, f := range findings {
		fmt.Fprintln(stderr, f.String())
		if f.Severity == profile.SeverityError {
			errs++
		}
	}
	if errs > 0 {
		fmt.Fprintf(stderr, "bridge: the profile breaks %d of Auth0's profile rules (the errors above): fix the script's mapping\n", errs)
	}
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "  " + strings.TrimLeft(l, " \t")
	}
	return strings.Join(lines, "\n")
}

// unwrapPathError keeps "open FILE: reason" without Go's wrapping noise.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe
	}
	return err
}
