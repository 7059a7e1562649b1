package main

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/pull"
	"github.com/jira-auth0-bridge/bridge/internal/render"
)

// newPullCmd is `bridge pull`: the deployed script, with JIRA_URL put back,
// and its settings without secrets, read only (internal/pull).
func newPullCmd() *cobra.Command {
	f := &publishFlags{}
	var name, out string
	cmd := &cobra.Command{
		Use:   "pull --domain TENANT --name NAME [--out DIR]",
		Short: "Read the deployed connection's script and settings from Auth0, to test what is deployed",
		Args:  cobra.NoArgs,
	}
	fs := cmd.Flags()
	f.creds.AddFlags(fs)
	fs.StringVar(&name, "name", connection.DefaultName, "the Auth0 connection's name")
	fs.StringVar(&out, "out", "", "write "+pull.ScriptFile+" and "+pull.SettingsFile+" into this directory (default: the script on stdout)")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		_, client, red, err := f.client(cmd.ErrOrStderr())
		if err != nil {
			return err
		}
		res, err := pull.Pull(cmd.Context(), client, name)
		if errors.Is(err, pull.ErrNotFound) {
			return exit.Usagef("%v", err)
		} else if err != nil {
			return exit.RemoteFailed(err)
		}
		render.Warnings(red.Writer(cmd.ErrOrStderr()), res.Warnings)
		err = res.Deliver(cmd.OutOrStdout(), cmd.ErrOrStderr(), out)
		if errors.As(err, new(*pull.WriteError)) {
			return exit.Usagef("--out: %v", err)
		}
		return err
	}
	return cmd
}
