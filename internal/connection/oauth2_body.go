package connection

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// OAuth2Body is the JSON body of `POST /api/v2/connections` for an oauth2 JIRA
// connection. Its fields marshal in this order (maps by key), so the output is
// stable.
type OAuth2Body struct {
	Name     string        `json:"name"`
	Strategy string        `json:"strategy"`
	Options  OAuth2Options `json:"options"`
}

// OAuth2Options are the options of Auth0's ConnectionOptionsOAuth2 schema that
// bridge sets (docs/auth0.md "OAuth 2.0 connections"). The script reads the
// settings it needs from ctx, and the access token from its first argument.
type OAuth2Options struct {
	ClientID         string `json:"client_id"`
	ClientSecret     string `json:"client_secret"` // a secret
	AuthorizationURL string `json:"authorizationURL"`
	TokenURL         string `json:"tokenURL"`
	Scope            string `json:"scope"`
	// PKCEEnabled is true where the provider documents PKCE (Jira Data
	// Center), false for Atlassian Cloud's 3LO, which does not; always sent,
	// so an update also turns off a stale true.
	PKCEEnabled bool `json:"pkce_enabled"`
	// AuthParams are added to the authorization request: Atlassian Cloud's
	// audience and prompt; absent for Data Center.
	AuthParams map[string]string `json:"authParams,omitempty"`
	// CustomHeaders go with the token request; absent unless given.
	CustomHeaders map[string]string `json:"customHeaders,omitempty"`
	Scripts       Scripts           `json:"scripts"`
}

// BuildOAuth2 validates p (see ValidateOAuth2) and returns the connection body.
func BuildOAuth2(p OAuth2Params) (*OAuth2Body, error) {
	v, err := ValidateOAuth2(p)
	if err != nil {
		return nil, err
	}
	return v.Body(), nil
}

// OAuth2URLs returns the authorization and token URLs of a flavour; base is
// JIRA's normalized base URL (used by FlavorServer only).
func OAuth2URLs(f Flavor, base string) (authorization, token string) {
	if f == FlavorCloud {
		return CloudAuthorizationURL, CloudTokenURL
	}
	return base + ServerAuthorizePath, base + ServerTokenPath
}

// Body returns the POST /api/v2/connections body of v.
func (v *OAuth2Validated) Body() *OAuth2Body {
	auth, token := OAuth2URLs(v.Flavor, v.JIRAURL)
	o := OAuth2Options{
		ClientID:         v.ClientID,
		ClientSecret:     v.ClientSecret,
		AuthorizationURL: auth,
		TokenURL:         token,
		Scope:            v.Scope,
		PKCEEnabled:      v.Flavor == FlavorServer,
		Scripts:          Scripts{FetchUserProfile: v.Rendered},
	}
	if v.Flavor == FlavorCloud {
		o.AuthParams = CloudAuthParams()
	}
	if len(v.CustomHeaders) > 0 {
		o.CustomHeaders = maps.Clone(v.CustomHeaders)
	}
	return &OAuth2Body{Name: v.Name, Strategy: StrategyOAuth2, Options: o}
}

// JSON returns b as compact JSON without HTML escaping: the exact bytes sent
// to Auth0.
func (b *OAuth2Body) JSON() []byte { return marshal(b, "") }

// Indent returns b as JSON indented by two spaces, ending in a newline.
func (b *OAuth2Body) Indent() []byte { return append(marshal(b, "  "), '\n') }

// Map returns the options as a generic JSON object, for merging onto the
// options a connection already has (see Options.Map).
func (o OAuth2Options) Map() map[string]any {
	var m map[string]any
	if err := json.Unmarshal(marshal(o, ""), &m); err != nil {
		panic("connection: oauth2 options do not round-trip: " + err.Error())
	}
	return m
}

// HAR returns the POST /api/v2/connections request that creates b on the
// tenant at baseURL ("" = PlaceholderTenant). Pass b.Redacted() unless
// secrets are to be shown.
func (b *OAuth2Body) HAR(baseURL string) HARRequest {
	if baseURL == "" {
		baseURL = PlaceholderTenant
	}
	return NewHARRequest("POST", strings.TrimRight(baseURL, "/")+ConnectionsPath, b.JSON())
}

// Secrets returns the secret values in b: the client secret, and the values
// of custom headers whose names carry credentials (Authorization, Cookie, API
// keys, tokens).
func (b *OAuth2Body) Secrets() []string {
	out := []string{b.Options.ClientSecret}
	for _, k := range slices.Sorted(maps.Keys(b.Options.CustomHeaders)) {
		if credentialHeader(k) {
			out = append(out, b.Options.CustomHeaders[k])
		}
	}
	return out
}

// Redactor hides b's secrets wherever they appear.
func (b *OAuth2Body) Redactor() *redact.Redactor { return redact.New(b.Secrets()...) }

// Redacted returns a copy of b with client_secret and credential headers shown
// as "[REDACTED]", and every other appearance of a secret masked too.
func (b *OAuth2Body) Redacted() *OAuth2Body {
	r := b.Redactor()
	c := *b
	c.Options.ClientSecret = redact.Mask
	c.Options.Scripts.FetchUserProfile = r.String(c.Options.Scripts.FetchUserProfile)
	c.Options.AuthorizationURL = r.String(c.Options.AuthorizationURL)
	c.Options.TokenURL = r.String(c.Options.TokenURL)
	c.Options.ClientID = r.String(c.Options.ClientID)
	if c.Options.CustomHeaders != nil {
		h := make(map[string]string, len(c.Options.CustomHeaders))
		for k, v := range c.Options.CustomHeaders {
			if credentialHeader(k) {
				v = redact.Mask
			}
			h[k] = r.String(v)
		}
		c.Options.CustomHeaders = h
	}
	return &c
}

// credentialHeader reports whether a header's name says it carries a
// credential.
func credentialHeader(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"authorization", "cookie", "key", "token", "secret", "password", "auth"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}
