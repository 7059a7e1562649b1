package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/loopback"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/jira-auth0-bridge/bridge/internal/verify"
)

// publishFlags are the Auth0 flags of `bridge publish`; the connection flags
// come from addConnectionFlags.
type publishFlags struct {
	creds               credentials.Auth0
	casesDir, backupDir string
	enabledClients      []string
	dryRun, json        bool
	restore             string
	runtime             string // --runtime of the verification
}

func newPublishCmd() *cobra.Command {
	f := &publishFlags{}
	cmd := &cobra.Command{
		Use:   "publish --domain TENANT --jira-url URL --consumer-key KEY --private-key FILE [flags]",
		Short: "Verify the script with your key pair, then create or update the Auth0 connection",
		Args:  cobra.NoArgs,
	}
	conn := addConnectionFlags(cmd)
	fs := cmd.Flags()
	addAuth0Flags(fs, &f.creds)
	fs.StringVar(&f.casesDir, "cases", "", "directory of case files that must pass before publishing (default: the built-in suite; required with --script)")
	fs.StringSliceVar(&f.enabledClients, "enabled-clients", nil, "client IDs to enable the connection for, comma-separated (others are left as they are)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "verify and read, print the requests it would send and the options diff; write nothing")
	fs.BoolVar(&f.json, "json", false, "print the result as one JSON object on stdout")
	fs.StringVar(&f.backupDir, "backup-dir", "", "directory for the backup of a connection before it is updated (default: bridge/backups in the per-user config directory, e.g. ~/.config/bridge/backups)")
	cliflags.AddRuntimeFlag(fs, &f.runtime)
	fs.StringVar(&f.restore, "restore", "", "put back the options of this backup file (only the Auth0 flags are needed)")

	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		return runPublish(cmd, conn, f)
	}
	return cmd
}

func runPublish(cmd *cobra.Command, conn *connectionFlags, f *publishFlags) error {
	if f.restore != "" {
		return runRestore(cmd, f)
	}
	// Everything that can be checked locally is checked before the suite runs.
	if err := cliflags.CheckRuntime(f.runtime); err != nil {
		return err
	}
	tenant, creds, err := f.auth0(cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	if conn.Script != "" && f.casesDir == "" {
		return cliflags.NeedsCases(conn.Script)
	}
	body, src, err := conn.build(cmd)
	if err != nil {
		return err
	}
	red := redact.New(append(creds.Secrets(), body.Secrets()...)...)
	stderr := red.Writer(cmd.ErrOrStderr())
	plan, err := f.plan(src, tenant, creds, stderr)
	if err != nil {
		return &exit.Error{Code: exit.Usage, Err: redact.Err(red, err)}
	}
	plan.Redactor = red
	res, err := publish.Run(cmd.Context(), plan)
	if err != nil {
		return &exit.Error{Code: publishExitCode(err), Err: redact.Err(red, err)}
	}
	return render.Published(cmd.Context(), red.Writer(cmd.OutOrStdout()), stderr, plan.Client, res, tenant, f.json)
}

// auth0 resolves the tenant and the credentials from the flags and the
// environment (flags win), warning on w of a tenant on plain http elsewhere
// than this machine.
func (f *publishFlags) auth0(w io.Writer) (auth0.Tenant, auth0.Credentials, error) {
	domain, creds := f.creds.Resolve(os.Getenv)
	tenant, err := auth0.ParseTenant(domain)
	if err != nil {
		return tenant, creds, exit.Usagef("--domain: %w", err)
	}
	if strings.HasPrefix(tenant.BaseURL, "http://") && !loopback.HostPort(tenant.Host) {
		render.Warn(w, "--domain %s uses http: the Management API token and the private key would travel in clear; use https", tenant.BaseURL)
	}
	if err := creds.Check(); err != nil {
		return tenant, creds, exit.Usagef("%w", err)
	}
	return tenant, creds, nil
}

// plan is publish.Prepare's plan (the cases, the script verified, the
// body), with the flags' choices and the client; progress goes to stderr.
func (f *publishFlags) plan(src publish.Source, tenant auth0.Tenant, creds auth0.Credentials, stderr io.Writer) (publish.Plan, error) {
	src.Verify.Runtime = f.runtime
	plan, err := publish.Prepare(src, f.casesDir, stderr)
	if errors.Is(err, verify.ErrNoCases) {
		return plan, fmt.Errorf("--cases %w", err)
	} else if err != nil {
		return plan, err
	}
	client, err := auth0.New(tenant, creds, nil)
	if err != nil {
		return plan, err
	}
	client.Log = plan.Log
	plan.Client, plan.EnabledClients, plan.DryRun, plan.BackupDir = client, f.enabledClients, f.dryRun, f.backupDir
	return plan, nil
}

// publishExitCode maps a publish error to the exit code: the
// verification's own, 1 for failed cases, 2 for input that cannot be
// published (publish.FaultInput), 3 for the rest (Auth0).
func publishExitCode(err error) int {
	if ee := (*exit.Error)(nil); errors.As(err, &ee) {
		return ee.Code
	}
	return map[publish.Fault]int{publish.FaultVerify: exit.CheckFailed, publish.FaultInput: exit.Usage, publish.FaultTenant: exit.Remote}[publish.FaultOf(err)]
}
