package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/scaffold"
)

const initLong = `init writes DIR/` + scaffold.ScriptName + ` (a copy of the shipped script) and DIR/cases
(a copy of the default suite), so that you can edit both and run

  bridge test --script DIR/` + scaffold.ScriptName + ` --cases DIR/cases

DIR defaults to the current directory and is created if needed. init never
overwrites: if the script or the cases directory is already there, it writes
nothing and exits with 2.

stdout: the files written, one a line. stderr: what to do next.
Exit codes: 0 written; 2 something is already there, DIR cannot be written,
or more than one DIR.`

func newInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a suite of your own: a copy of the shipped script and the default cases",
		Long:  initLong,
		Example: `  bridge init jira-login
  bridge test --script jira-login/fetchUserProfile.js --cases jira-login/cases --watch`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			written, err := scaffold.Write(dir)
			for _, f := range written {
				fmt.Fprintln(cmd.OutOrStdout(), f)
			}
			if err != nil {
				return usageErr("init: %v", err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "bridge: wrote %d files; next: bridge test --script %s --cases %s\n",
				len(written), filepath.Join(dir, scaffold.ScriptName), filepath.Join(dir, scaffold.CasesDir))
			return nil
		},
	}
}
