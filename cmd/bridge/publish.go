package main

import (
	"errors"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/render"
)

// publishFlags are the Auth0 flags of `bridge publish`; the connection flags
// come from addConnectionFlags.
type publishFlags struct {
	creds credentials.Auth0
	publish.Flags
	json    bool
	runtime string // --runtime of the verification
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
	f.creds.AddFlags(fs)
	f.Flags.AddFlags(fs)
	fs.BoolVar(&f.json, "json", false, "print the result as one JSON object on stdout")
	cliflags.AddRuntimeFlag(fs, &f.runtime)

	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		return runPublish(cmd, conn, f)
	}
	return cmd
}

func runPublish(cmd *cobra.Command, conn *connectionFlags, f *publishFlags) error {
	if f.Restore != "" {
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
	if conn.Script != "" && f.CasesDir == "" {
		return cliflags.NeedsCases(conn.Script)
	}
	body, src, err := conn.build(cmd)
	if err != nil {
		return err
	}
	red := redact.New(append(creds.Secrets(), body.Secrets()...)...)
	stderr := red.Writer(cmd.ErrOrStderr())
	plan, err := f.Plan(src, f.runtime, tenant, creds, stderr)
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
// environment (credentials.Auth0.Tenant), its warnings on w.
func (f *publishFlags) auth0(w io.Writer) (auth0.Tenant, auth0.Credentials, error) {
	tenant, creds, warnings, err := f.creds.Tenant(os.Getenv)
	render.Warnings(w, warnings)
	if err != nil {
		return tenant, creds, &exit.Error{Code: exit.Usage, Err: err}
	}
	return tenant, creds, nil
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
