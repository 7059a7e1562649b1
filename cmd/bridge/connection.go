package main

import (
	"os"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/spf13/cobra"
)

const connectionLong = `connection validates the JIRA connection settings and prints the body of
POST /api/v2/connections that creates the connection on Auth0: strategy oauth1,
options.client_id (the consumer key), options.client_secret (the private key
PEM), the three JIRA OAuth URLs derived from --jira-url, signatureMethod RSA-SHA1
and scripts.fetchUserProfile (the script with JIRA_URL filled in).

The options use the Auth0 schema's spellings, client_id and client_secret, which
the script reads as ctx.client_id and ctx.client_secret. The Auth0 JIRA guide's
consumerKey/consumerSecret spelling is deliberately not sent.

Checked first, each failure exiting 2 with what to fix: the JIRA URL (absolute
http(s), no user info, query or fragment), the private key (RSA, at least 2048
bits, PKCS#1 or PKCS#8, not encrypted, not the public test key shipped with
bridge), --public-key (must belong to the private key), the connection name
(Auth0's pattern) and the script (compiles; at most 51,200 characters once
rendered).

stdout: the body as JSON (with --har, a HAR request like the guide's step 3).
Secrets (the private key) are shown as [REDACTED] unless --show-secrets.
stderr: warnings, e.g. a JIRA on localhost or a private address, which Auth0
cannot reach from the internet.

Exit codes: 0 ok (warnings or not); 2 bad input, every problem listed.

Use 'bridge publish' to create or update the connection after verifying it.`

func newConnectionCmd() *cobra.Command {
	var (
		domain      string
		har         bool
		showSecrets bool
	)
	cmd := &cobra.Command{
		Use:   "connection --jira-url URL --consumer-key KEY --private-key FILE [flags]",
		Short: "Print the Auth0 connection body for JIRA (POST /api/v2/connections)",
		Long:  connectionLong,
		Example: `  bridge connection --jira-url https://jira.example.com --consumer-key auth0-jira \
    --private-key jira.key --public-key jira.pub
  bridge connection --jira-url https://jira.example.com --consumer-key auth0-jira \
    --private-key jira.key --har --domain example.eu.auth0.com`,
		Args: cobra.NoArgs,
	}
	flags := addConnectionFlags(cmd)
	fs := cmd.Flags()
	fs.StringVar(&domain, "domain", "", "Auth0 tenant for the HAR url, e.g. example.eu.auth0.com (env AUTH0_DOMAIN)")
	fs.BoolVar(&har, "har", false, "print a HAR request (method, url, headers, postData) instead of the bare body")
	fs.BoolVar(&showSecrets, "show-secrets", false, "show the private key in the output instead of [REDACTED]")

	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		v, err := flags.load(cmd)
		if err != nil {
			return err
		}
		body := v.Body()
		if showSecrets {
			connWarn(cmd.ErrOrStderr(), "the output holds the private key of %s: keep it out of logs and tickets", flags.jira.privateKey)
		} else {
			body = body.Redacted()
		}
		out := body.Indent()
		if har {
			base, err := connDomain(domain)
			if err != nil {
				return err
			}
			out = body.HAR(base).Indent()
		}
		if !showSecrets {
			out = []byte(v.Body().Redactor().String(string(out)))
		}
		_, err = cmd.OutOrStdout().Write(out)
		return err
	}
	return cmd
}

// connDomain returns the Auth0 base URL for --domain (or AUTH0_DOMAIN), or ""
// when neither is set.
func connDomain(flag string) (string, error) {
	d := credentials.Domain(flag, os.Getenv)
	if d == "" {
		return "", nil
	}
	t, err := auth0.ParseTenant(d)
	if err != nil {
		return "", usageErr("--domain: %w", err)
	}
	return t.BaseURL, nil
}
