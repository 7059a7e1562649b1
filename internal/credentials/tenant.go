package credentials

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/loopback"
)

// AddFlags registers the Management API flags of publish and pull:
// --domain, --api-token, --client-id and --client-secret, each with its
// environment variable (Resolve: flags win). Auth0 owns its flags, as the
// options structs of kubectl do, so a renamed flag touches this file only.
func (f *Auth0) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&f.Domain, "domain", "", "Auth0 tenant, e.g. example.eu.auth0.com, or a base URL http(s)://host:port (env AUTH0_DOMAIN)")
	fs.StringVar(&f.APIToken, "api-token", "", "Management API token (env AUTH0_API_TOKEN)")
	fs.StringVar(&f.ClientID, "client-id", "", "client ID of an application authorized for the Management API (env AUTH0_CLIENT_ID)")
	fs.StringVar(&f.ClientSecret, "client-secret", "", "its client secret (env AUTH0_CLIENT_SECRET)")
}

// Tenant resolves the tenant and the credentials (Resolve: flags win) and
// checks them (auth0.ParseTenant, auth0.Credentials.Check). Its warnings
// name a tenant on plain http elsewhere than this machine, where the token
// and the private key would travel in clear (RFC 6750 section 5.3: bearer
// tokens only over TLS). Its errors
// name the flag at fault, and the CLI exits 2 with them.
func (f Auth0) Tenant(getenv Getenv) (auth0.Tenant, auth0.Credentials, []string, error) {
	domain, creds := f.Resolve(getenv)
	tenant, err := auth0.ParseTenant(domain)
	if err != nil {
		return tenant, creds, nil, fmt.Errorf("--domain: %w", err)
	}
	var warnings []string
	if strings.HasPrefix(tenant.BaseURL, "http://") && !loopback.HostPort(tenant.Host) {
		warnings = append(warnings, fmt.Sprintf("--domain %s uses http: the Management API token and the private key would travel in clear; use https", tenant.BaseURL))
	}
	return tenant, creds, warnings, creds.Check()
}

// BaseURL is the Auth0 base URL of --domain, or AUTH0_DOMAIN when the flag
// is empty (Domain); "" when neither is set. Its error is
// auth0.ParseTenant's.
func BaseURL(flag string, getenv Getenv) (string, error) {
	d := Domain(flag, getenv)
	if d == "" {
		return "", nil
	}
	t, err := auth0.ParseTenant(d)
	if err != nil {
		return "", err
	}
	return t.BaseURL, nil
}
