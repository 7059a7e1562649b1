package auth0

import (
	"fmt"
	"net/url"
	"strings"
)

// Tenant is where a Management API lives: a tenant domain such as
// example.eu.auth0.com (https), or a full base URL for tests and private clouds.
type Tenant struct {
	// BaseURL is scheme://host[:port] with no trailing slash.
	BaseURL string
	// Host is the host[:port] of BaseURL.
	Host string
}

// ParseTenant reads a --domain value. A bare host ("example.auth0.com",
// "example.auth0.com:8443") means https; a full http(s)://host[:port] base URL
// is taken as given. Paths, queries, fragments and user info are refused.
func ParseTenant(domain string) (Tenant, error) {
	d := strings.TrimSpace(domain)
	if d == "" {
		return Tenant{}, fmt.Errorf("auth0: no tenant domain: give --domain (or AUTH0_DOMAIN), e.g. example.eu.auth0.com")
	}
	raw := d
	if !strings.Contains(d, "://") {
		raw = "https://" + d
	}
	u, err := url.Parse(raw)
	if err != nil {
		return Tenant{}, fmt.Errorf("auth0: domain %q: %v; give the tenant host, e.g. example.eu.auth0.com", domain, err)
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return Tenant{}, fmt.Errorf("auth0: domain %q: scheme %q is not http or https", domain, u.Scheme)
	}
	if u.Host == "" || u.Hostname() == "" {
		return Tenant{}, fmt.Errorf("auth0: domain %q has no host; give the tenant host, e.g. example.eu.auth0.com", domain)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" || strings.Trim(u.Path, "/") != "" {
		return Tenant{}, fmt.Errorf("auth0: domain %q: give only the host (or scheme://host:port), without path, query or credentials", domain)
	}
	// The audience must be the API identifier exactly, https://TENANT/api/v2/
	// (docs/auth0.md "Management API" "Token"): host names are case-insensitive and the default
	// port is implied, so "Example.Auth0.com:443" is written the canonical way.
	host := strings.ToLower(u.Host)
	switch {
	case u.Scheme == "https" && strings.HasSuffix(host, ":443"):
		host = strings.TrimSuffix(host, ":443")
	case u.Scheme == "http" && strings.HasSuffix(host, ":80"):
		host = strings.TrimSuffix(host, ":80")
	}
	return Tenant{BaseURL: u.Scheme + "://" + host, Host: host}, nil
}

// Audience is the Management API audience, https://TENANT/api/v2/ (docs/auth0.md "Management API"
// "Token"); for a base URL it is BaseURL + "/api/v2/".
func (t Tenant) Audience() string { return t.BaseURL + "/api/v2/" }

// TokenURL is the client-credentials endpoint, BaseURL/oauth/token.
func (t Tenant) TokenURL() string { return t.BaseURL + "/oauth/token" }

// CallbackURL is the OAuth callback Auth0 serves for the tenant,
// BaseURL/login/callback: the URL to paste into JIRA's Application Link.
func (t Tenant) CallbackURL() string { return t.BaseURL + "/login/callback" }
