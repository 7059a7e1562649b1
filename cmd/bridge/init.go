package main

import (
	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/scaffold"
)

func newInitCmd() *cobra.Command {
	var k scaffold.Kind
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a suite of your own: a copy of the shipped script and the default cases",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			if err := k.Check(); err != nil {
				return exit.Usagef("%v", err)
			}
			if err := scaffold.Init(cmd.OutOrStdout(), cmd.ErrOrStderr(), dir, k); err != nil {
				return exit.Usagef("init: %v", err)
			}
			return nil
		},
	}
	k.AddFlags(cmd.Flags())
	return cmd
}
