package main

import (
	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/credentials"
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
