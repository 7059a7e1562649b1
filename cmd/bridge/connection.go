package main

import (
	"io"
	"os"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/spf13/cobra"
)

func newConnectionCmd() *cobra.Command {
	var (
		domain string
		output connection.Output
	)
	cmd := &cobra.Command{
		Use:   "connection --jira-url URL --consumer-key KEY --private-key FILE [flags]",
		Short: "Print the Auth0 connection body for JIRA (POST /api/v2/connections)",
		Args:  cobra.NoArgs,
	}
	flags := addConnectionFlags(cmd)
	fs := cmd.Flags()
	fs.StringVar(&domain, "domain", "", "Auth0 tenant for the HAR url, e.g. example.eu.auth0.com (env AUTH0_DOMAIN)")
	output.AddFlags(fs)

	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		format, err := output.Parse()
		if err != nil {
			return exit.Usagef("%v", err)
		}
		body, _, err := flags.build(cmd)
		if err != nil {
			return err
		}
		if format == connection.FormatTerraform || format == connection.FormatDeployCLI {
			return writeIaC(cmd.OutOrStdout(), cmd.ErrOrStderr(), body, format, output.Out)
		}
		if output.ShowSecrets {
			render.Warn(cmd.ErrOrStderr(), "the output holds %s: keep it out of logs and tickets", flags.secret())
		}
		var base string
		if format == connection.FormatHAR {
			if base, err = connDomain(domain); err != nil {
				return err
			}
		}
		out := connection.Printed(body, format, base, output.ShowSecrets)
		_, err = cmd.OutOrStdout().Write(out)
		return err
	}
	return cmd
}

// writeIaC writes b as Terraform or deploy-cli: to stdout, or the files
// into --out (their names on stdout). Neither holds a secret: the key is a
// variable or a keyword (internal/connection).
func writeIaC(stdout, stderr io.Writer, b connection.Built, format connection.Format, dir string) error {
	out, err := connection.WriteIaC(b, format, dir, connection.IaC{})
	if err != nil {
		return exit.Usagef("%v", err)
	}
	return render.IaC(stdout, stderr, out)
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
