package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/scaffold"
)

func newInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a suite of your own: a copy of the shipped script and the default cases",
		Args:  cobra.MaximumNArgs(1),
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
				return exit.Usagef("init: %v", err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "bridge: wrote %d files; next: bridge test --script %s --cases %s\n",
				len(written), filepath.Join(dir, scaffold.ScriptName), filepath.Join(dir, scaffold.CasesDir))
			return nil
		},
	}
}
