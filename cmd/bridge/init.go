package main

import (
	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
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
			if err := cliflags.CheckProtocol(k.Protocol, false); err != nil {
				return err
			}
			if k.Flavor != "server" && k.Flavor != "cloud" {
				return exit.Usagef("--flavor %q: use server or cloud", k.Flavor)
			}
			if err := scaffold.Init(cmd.OutOrStdout(), cmd.ErrOrStderr(), dir, k); err != nil {
				return exit.Usagef("init: %v", err)
			}
			return nil
		},
	}
	cliflags.AddProtocolFlag(cmd.Flags(), &k.Protocol, "oauth1", "the script and cases to start from")
	cmd.Flags().StringVar(&k.Flavor, "flavor", "server", "with --protocol oauth2: server (Jira Data Center) or cloud (Atlassian Cloud)")
	return cmd
}
