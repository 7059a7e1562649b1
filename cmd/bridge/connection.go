package main

import (
	"os"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/spf13/cobra"
)

func newConnectionCmd() *cobra.Command {
	var (
		domain      string
		formatFlags connFormatFlags
		showSecrets bool
	)
	cmd := &cobra.Command{
		Use:   "connection --jira-url URL --consumer-key KEY --private-key FILE [flags]",
		Short: "Print the Auth0 connection body for JIRA (POST /api/v2/connections)",
		Args:  cobra.NoArgs,
	}
	flags := addConnectionFlags(cmd)
	fs := cmd.Flags()
	fs.StringVar(&domain, "domain", "", "Auth0 tenant for the HAR url, e.g. example.eu.auth0.com (env AUTH0_DOMAIN)")
	formatFlags.add(fs)
	fs.BoolVar(&showSecrets, "show-secrets", false, "show the private key in the output instead of [REDACTED]")

	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		format, err := formatFlags.parse()
		if err != nil {
			return err
		}
		body, _, err := flags.build(cmd)
		if err != nil {
			return err
		}
		if format == connection.FormatTerraform || format == connection.FormatDeployCLI {
			return formatFlags.writeIaC(cmd.OutOrStdout(), cmd.ErrOrStderr(), body, format)
		}
		if showSecrets {
			render.Warn(cmd.ErrOrStderr(), "the output holds %s: keep it out of logs and tickets", flags.secret())
		}
		var base string
		if format == connection.FormatHAR {
			if base, err = connDomain(domain); err != nil {
				return err
			}
		}
		out := connection.Printed(body, format, base, showSecrets)
		_, err = cmd.OutOrStdout().Write(out)
		return err
	}
	return cmd
}

// connDomain returns the Auth0 base URL for --domain (or AUTH0_DOMAIN), or ""
// when neither is set (credentials.BaseURL).
func connDomain(flag string) (string, error) {
	base, err := credentials.BaseURL(flag, os.Getenv)
	if err != nil {
		return "", exit.Usagef("--domain: %w", err)
	}
	return base, nil
}
