package main

import (
	"io"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/prefix"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// addAuth0Flags registers the Management API flags of publish and pull:
// --domain, --api-token, --client-id and --client-secret, each with its
// environment variable (internal/credentials: flags win).
func addAuth0Flags(fs *pflag.FlagSet, c *credentials.Auth0) {
	fs.StringVar(&c.Domain, "domain", "", "Auth0 tenant, e.g. example.eu.auth0.com, or a base URL http(s)://host:port (env AUTH0_DOMAIN)")
	fs.StringVar(&c.APIToken, "api-token", "", "Management API token (env AUTH0_API_TOKEN)")
	fs.StringVar(&c.ClientID, "client-id", "", "client ID of an application authorized for the Management API (env AUTH0_CLIENT_ID)")
	fs.StringVar(&c.ClientSecret, "client-secret", "", "its client secret (env AUTH0_CLIENT_SECRET)")
}

// client resolves the tenant and the credentials (auth0) and makes the
// Management API client, its log on stderr, redacted by the returned
// Redactor, as every line bridge writes ("bridge: auth0: GET …").
func (f *publishFlags) client(stderr io.Writer) (auth0.Tenant, *auth0.Client, *redact.Redactor, error) {
	tenant, creds, err := f.auth0(stderr)
	if err != nil {
		return tenant, nil, nil, err
	}
	red := redact.New(creds.Secrets()...)
	client, err := auth0.New(tenant, creds, nil)
	if err != nil {
		return tenant, nil, red, exit.Usagef("%v", err)
	}
	client.Log = prefix.Writer(red.Writer(stderr), "bridge: ")
	return tenant, client, red, nil
}
