package publish

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/verify"
)

// Flags are the values of `bridge publish`'s own flags; the connection's
// come from the CLI's connection flags, Auth0's from credentials.Auth0.
// publish owns them, as suiteconfig owns `bridge test`'s (kubectl's options
// structs): Plan's errors name the flag at fault, so a renamed flag touches
// this file only.
type Flags struct {
	CasesDir       string   // --cases: "" = the built-in suite
	EnabledClients []string // --enabled-clients: Plan.EnabledClients
	DryRun         bool     // --dry-run: Plan.DryRun
	BackupDir      string   // --backup-dir: Plan.BackupDir
	Restore        string   // --restore: a backup file for Restore
}

// AddFlags registers --cases, --enabled-clients, --dry-run, --backup-dir
// and --restore on fs.
func (f *Flags) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&f.CasesDir, "cases", "", "directory of case files that must pass before publishing (default: the built-in suite; required with --script)")
	fs.StringSliceVar(&f.EnabledClients, "enabled-clients", nil, "client IDs to enable the connection for, comma-separated (others are left as they are)")
	fs.BoolVar(&f.DryRun, "dry-run", false, "verify and read, print the requests it would send and the options diff; write nothing")
	fs.StringVar(&f.BackupDir, "backup-dir", "", "directory for the backup of a connection before it is updated (default: bridge/backups in the per-user config directory, e.g. ~/.config/bridge/backups)")
	fs.StringVar(&f.Restore, "restore", "", "put back the options of this backup file (only the Auth0 flags are needed)")
}

// Plan is Prepare's plan of src (the cases below --cases, the script
// verified on runtime, the body), with the flags' choices and a Management
// API client of tenant and creds (auth0.New) that logs where the plan does;
// progress goes to stderr. A --cases without cases is verify.ErrNoCases.
func (f Flags) Plan(src Source, runtime string, tenant auth0.Tenant, creds auth0.Credentials, stderr io.Writer) (Plan, error) {
	src.Verify.Runtime = runtime
	plan, err := Prepare(src, f.CasesDir, stderr)
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
	plan.Client, plan.EnabledClients, plan.DryRun, plan.BackupDir = client, f.EnabledClients, f.DryRun, f.BackupDir
	return plan, nil
}
