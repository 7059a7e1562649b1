package main

import (
	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/render"
)

// runRestore is `bridge publish --restore BACKUP.json`: it puts back the
// options of a backup publish saved, with the Auth0 credentials alone, and
// publish's safety: diff, --dry-run, a backup of what it overwrites and a
// read-back (publish.Restore).
func runRestore(cmd *cobra.Command, f *publishFlags) error {
	if f.CasesDir != "" || len(f.EnabledClients) > 0 || cmd.Flags().Changed("jira-url") || cmd.Flags().Changed("script") {
		return exit.Usagef("--restore puts back a backup as it is: it takes only the Auth0 flags, --dry-run, --json and --backup-dir")
	}
	backup, err := publish.ReadBackup(f.Restore)
	if err != nil {
		return exit.Usagef("--restore: %v", err)
	}
	tenant, client, red, err := f.client(cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	res, err := publish.Restore(cmd.Context(), publish.RestorePlan{Backup: backup, BackupSource: f.Restore,
		DryRun: f.DryRun, BackupDir: f.BackupDir, Client: client, Log: client.Log})
	if err != nil {
		return &exit.Error{Code: publishExitCode(err), Err: redact.Err(red, err)}
	}
	return render.Published(cmd.Context(), cmd.OutOrStdout(), red.Writer(cmd.ErrOrStderr()), client, res, tenant, f.json)
}
