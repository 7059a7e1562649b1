package main

import (
	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/jira-auth0-bridge/bridge/internal/version"
)

// newVersionCmd is `bridge version`: the line of `bridge --version`, or with
// --json the version, commit and Go version as an object (internal/version).
func newVersionCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print bridge's version, the commit it was built from and its Go version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return render.Version(cmd.OutOrStdout(), version.Get(), asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the version as one JSON object on stdout")
	return cmd
}
