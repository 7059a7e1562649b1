package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"

	"github.com/spf13/cobra"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/suite"
)

func init() { commands = append(commands, newPublishCmd) }

// publishFlags are the Auth0 flags of `bridge publish`; the connection flags
// come from addConnectionFlags.
type publishFlags struct {
	domain, apiToken, clientID, clientSecret string
	casesDir, backupDir                      string
	enabledClients                           []string
	dryRun, json                             bool
}

func newPublishCmd() *cobra.Command {
	f := &publishFlags{}
	cmd := &cobra.Command{
		Use:   "publish --domain TENANT --jira-url URL --consumer-key KEY --private-key FILE [flags]",
		Short: "Verify the script with your key pair, then create or update the Auth0 connection",
		Long: `publish creates or updates the JIRA connection on an Auth0 tenant through the
Management API, and only after the script has passed the test suite with your
own consumer key and private key (the mock JIRA trusts the public key derived
from it) and the script exactly as it will be published.

Order of work:
  1. verify: run the suite (--cases, default the built-in suite, which belongs to
     the shipped script). A failure stops here with exit 1: nothing is sent.
  2. find the connection by name (any strategy; another strategy is an error).
  3. absent: create it (POST). Present: merge the new options onto the existing
     ones so unrelated settings survive, and when something changes save the
     connection as it was to a backup file (mode 0600, it holds secrets) and
     PATCH it. Nothing changed: say "unchanged" and write nothing.
  4. --enabled-clients: enable the connection for those clients (others stay).
  5. read the connection back: the stored script and URLs must be the verified ones.

Credentials (flags win over the environment): --api-token (AUTH0_API_TOKEN), or
--client-id/--client-secret (AUTH0_CLIENT_ID/AUTH0_CLIENT_SECRET) of a machine-to-
machine application authorized for the Auth0 Management API. Scopes needed:
read:connections, create:connections, update:connections,
read:connections_options, update:connections_options.

--dry-run verifies and reads, then prints the requests it would send (HAR,
redacted) and a field-by-field diff of the options; it writes nothing.

stdout: "created|updated|unchanged NAME (con_…)" and the callback URL to put
into JIRA (--json: one JSON object). stderr: progress, warnings, errors.
Secrets are never printed. Exit codes: 0 published (or unchanged), 1 the
verification failed, 2 bad usage or input, 3 Auth0 failed.`,
		Example: `  export AUTH0_DOMAIN=example.eu.auth0.com AUTH0_API_TOKEN=…
  bridge publish --jira-url https://jira.example.com --consumer-key auth0-jira \
    --private-key jira.key --public-key jira.pub --dry-run
  bridge publish --jira-url https://jira.example.com --consumer-key auth0-jira \
    --private-key jira.key --public-key jira.pub --enabled-clients AbC123…`,
		Args: cobra.NoArgs,
	}
	conn := addConnectionFlags(cmd)
	fs := cmd.Flags()
	fs.StringVar(&f.domain, "domain", "", "Auth0 tenant, e.g. example.eu.auth0.com, or a base URL http(s)://host:port (env AUTH0_DOMAIN)")
	fs.StringVar(&f.apiToken, "api-token", "", "Management API token (env AUTH0_API_TOKEN)")
	fs.StringVar(&f.clientID, "client-id", "", "client ID of an application authorized for the Management API (env AUTH0_CLIENT_ID)")
	fs.StringVar(&f.clientSecret, "client-secret", "", "its client secret (env AUTH0_CLIENT_SECRET)")
	fs.StringVar(&f.casesDir, "cases", "", "directory of case files that must pass before publishing (default: the built-in suite; required with --script)")
	fs.StringSliceVar(&f.enabledClients, "enabled-clients", nil, "client IDs to enable the connection for, comma-separated (others are left as they are)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "verify and read, print the requests it would send and the options diff; write nothing")
	fs.BoolVar(&f.json, "json", false, "print the result as one JSON object on stdout")
	fs.StringVar(&f.backupDir, "backup-dir", ".", "directory for the backup of a connection before it is updated")

	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		return runPublish(cmd, conn, f)
	}
	return cmd
}

// flagOrEnv returns the flag's value, or the environment variable's when the
// flag is empty: flags win.
func flagOrEnv(flag, env string) string {
	if flag != "" {
		return flag
	}
	return os.Getenv(env)
}

func runPublish(cmd *cobra.Command, conn *connectionFlags, f *publishFlags) error {
	ctx := cmd.Context()
	stdout := cmd.OutOrStdout()

	// Everything that can be checked locally is checked before the suite runs.
	tenant, err := auth0.ParseTenant(flagOrEnv(f.domain, "AUTH0_DOMAIN"))
	if err != nil {
		return usageErr("--domain: %w", err)
	}
	if strings.HasPrefix(tenant.BaseURL, "http://") && !isLoopbackHost(tenant.Host) {
		connWarn(cmd.ErrOrStderr(), "--domain %s uses http: the Management API token and the private key would travel in clear; use https", tenant.BaseURL)
	}
	creds := auth0.Credentials{
		APIToken:     flagOrEnv(f.apiToken, "AUTH0_API_TOKEN"),
		ClientID:     flagOrEnv(f.clientID, "AUTH0_CLIENT_ID"),
		ClientSecret: flagOrEnv(f.clientSecret, "AUTH0_CLIENT_SECRET"),
	}
	if f.apiToken != "" || f.clientID != "" || f.clientSecret != "" {
		// A credential given by flag wins over every credential of the
		// environment, so that --api-token is not mixed with AUTH0_CLIENT_ID.
		creds = auth0.Credentials{APIToken: f.apiToken, ClientID: f.clientID, ClientSecret: f.clientSecret}
	}
	if err := creds.Check(); err != nil {
		return usageErr("%w", err)
	}
	if conn.Script != "" && f.casesDir == "" {
		return usageErr("--script %s needs --cases DIR: the built-in suite's expected profiles belong to the shipped script; start a suite for your script with `bridge init DIR`, edit its cases, then pass --cases DIR", conn.Script)
	}
	v, err := conn.load(cmd)
	if err != nil {
		return err
	}
	body := v.Body()
	red := redact.New(append(creds.Secrets(), body.Secrets()...)...)
	stderr := red.Writer(cmd.ErrOrStderr())
	fail := func(code int, err error) error {
		return &exitError{Code: code, Err: redactedErr{err: err, r: red}}
	}

	cs, err := publishCases(f.casesDir)
	if err != nil {
		return fail(ExitUsage, err)
	}
	prog, err := script.Compile(v.ScriptName, v.Script)
	if err != nil {
		return fail(ExitUsage, fmt.Errorf("%w; fix the script, `bridge run` shows it at work", err))
	}
	// The suite renders the script with the mock's URL; what is published is
	// the same source rendered with the JIRA URL, and nothing else differs.
	if bridge.RenderScript(prog.Source(), v.JIRAURL) != body.Options.Scripts.FetchUserProfile {
		return fail(ExitUsage, fmt.Errorf("publish: the script to publish is not the script verified; please report this bug"))
	}
	client, err := auth0.New(tenant, creds, nil)
	if err != nil {
		return fail(ExitUsage, err)
	}
	client.Log = publishLog{w: stderr} // "bridge: auth0: GET …", as every line bridge writes

	verify := func(ctx context.Context) error {
		fmt.Fprintf(stderr, "bridge: verifying %s with consumer key %s and your private key: %d cases\n", v.ScriptName, v.ConsumerKey, len(cs))
		rep, err := suite.Run(ctx, suite.Options{
			Program:       prog,
			Cases:         cs,
			ConsumerKey:   v.ConsumerKey,
			PrivateKey:    v.PrivateKey,
			PrivateKeyPEM: v.PrivateKeyPEM,
		})
		if err != nil {
			return checkFailed(err)
		}
		if !rep.Passed() {
			_ = report.WriteText(stderr, rep, report.TextOptions{})
			return checkFailed(fmt.Errorf("%d of %d cases failed: fix the script (bridge test shows the details) before publishing", rep.Summary.Failed, rep.Summary.Total))
		}
		fmt.Fprintf(stderr, "bridge: %d passed, 0 failed\n", rep.Summary.Passed)
		return nil
	}

	res, err := publish.Run(ctx, publish.Plan{
		Body:           body.JSON(),
		Name:           v.Name,
		EnabledClients: f.enabledClients,
		DryRun:         f.dryRun,
		BackupDir:      f.backupDir,
		Verify:         verify,
		Client:         client,
		Log:            publishLog{w: stderr},
		Redactor:       red,
	})
	if err != nil {
		return fail(publishExitCode(err), err)
	}
	out := red.Writer(stdout)
	if f.json {
		return writePublishJSON(out, res, tenant)
	}
	writePublishText(out, res, tenant)
	return nil
}

// publishCases loads --cases DIR, or the built-in suite.
func publishCases(dir string) ([]*cases.Case, error) {
	var cs []*cases.Case
	var err error
	if dir == "" {
		cs, err = cases.Default()
	} else {
		cs, err = cases.LoadDir(dir)
	}
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("--cases %s holds no case files: bridge never publishes a script that has not been tested; start a suite with `bridge init DIR`", dir)
	}
	return cs, nil
}

// publishExitCode maps a publish error to the exit code: the verification's
// own (1, or 2 for a bad suite), 2 for a name taken by another strategy or an
// unusable backup directory, 3 for the rest (Auth0).
func publishExitCode(err error) int {
	var ee *exitError
	var pe *publish.Error
	switch {
	case errors.As(err, &ee):
		return ee.Code
	case errors.Is(err, publish.ErrVerify):
		return ExitCheckFailed
	case errors.Is(err, publish.ErrOtherStrategy):
		return ExitUsage
	case errors.As(err, &pe) && pe.Step == "backup":
		return ExitUsage
	}
	return ExitRemote
}

// redactedErr shows err with the secrets masked; errors.Is/As still see err.
type redactedErr struct {
	err error
	r   *redact.Redactor
}

func (e redactedErr) Error() string { return e.r.String(e.err.Error()) }
func (e redactedErr) Unwrap() error { return e.err }

// publishLog starts each progress line of publish with "bridge: " (publish
// writes whole lines).
type publishLog struct{ w io.Writer }

func (p publishLog) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, "bridge: "+string(b)); err != nil {
		return 0, err
	}
	return len(b), nil
}

func writePublishText(w io.Writer, res *publish.Result, t auth0.Tenant) {
	id := res.ConnectionID
	if id == "" {
		id = "new"
	}
	switch {
	case !res.DryRun:
		fmt.Fprintf(w, "%s %s (%s)\n", res.Action, res.Name, id)
	case res.Action == publish.Created:
		fmt.Fprintf(w, "dry run: would create %s\n", res.Name)
	case res.Action == publish.Updated:
		fmt.Fprintf(w, "dry run: would update %s (%s)\n", res.Name, id)
	default:
		fmt.Fprintf(w, "dry run: %s (%s) would stay unchanged\n", res.Name, id)
	}
	if len(res.OptionsDiff) > 0 {
		fmt.Fprintln(w, "options:")
		for _, c := range res.OptionsDiff {
			fmt.Fprintln(w, "  "+c.String())
		}
	}
	if len(res.EnabledClientsAdded) > 0 {
		verb := "enabled for"
		if res.DryRun {
			verb = "would enable for"
		}
		fmt.Fprintf(w, "%s %s\n", verb, strings.Join(res.EnabledClientsAdded, ", "))
	}
	if res.BackupPath != "" {
		fmt.Fprintf(w, "backup: %s\n", res.BackupPath)
	}
	if res.DryRun {
		fmt.Fprintln(w, "requests it would send (HAR):")
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		_ = enc.Encode(res.DryRunHAR())
	}
	fmt.Fprintf(w, "callback URL for JIRA's Application Link: %s\n", t.CallbackURL())
}

func writePublishJSON(w io.Writer, res *publish.Result, t auth0.Tenant) error {
	out := struct {
		*publish.Result
		CallbackURL string       `json:"callback_url"`
		HAR         *publish.HAR `json:"har,omitempty"`
	}{Result: res, CallbackURL: t.CallbackURL()}
	if res.DryRun {
		h := res.DryRunHAR()
		out.HAR = &h
		out.Result.DryRunRequests = nil
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// isLoopbackHost reports whether host[:port] is this machine (a test tenant).
func isLoopbackHost(hostport string) bool {
	h := hostport
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		h = host
	}
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
