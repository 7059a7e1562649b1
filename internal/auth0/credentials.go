package auth0

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Credentials authenticate the client: a Management API token, or the client
// ID and secret of a machine-to-machine application authorized for the
// Management API.
type Credentials struct {
	APIToken     string
	ClientID     string
	ClientSecret string
}

// Check says what is missing or contradictory, in the flags' words.
func (c Credentials) Check() error {
	switch {
	case c.APIToken != "" && (c.ClientID != "" || c.ClientSecret != ""):
		return fmt.Errorf("auth0: give either --api-token or --client-id/--client-secret, not both")
	case c.APIToken != "":
		return nil
	case c.ClientID == "" && c.ClientSecret == "":
		return fmt.Errorf("auth0: no credentials: give --api-token (AUTH0_API_TOKEN), or --client-id and --client-secret (AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET) of an application authorized for the Auth0 Management API")
	case c.ClientID == "":
		return fmt.Errorf("auth0: --client-secret needs --client-id (AUTH0_CLIENT_ID)")
	case c.ClientSecret == "":
		return fmt.Errorf("auth0: --client-id needs --client-secret (AUTH0_CLIENT_SECRET)")
	}
	return nil
}

// Secrets returns the values to redact from everything printed.
func (c Credentials) Secrets() []string { return []string{c.APIToken, c.ClientSecret} }

// New returns a client for tenant t. base carries requests (nil = a client with a
// 60s timeout); New wraps it so that every request carries a Bearer token: the
// API token, or one obtained with the client-credentials grant at
// t.TokenURL() with audience t.Audience() and the client authenticating in the
// form body (oauth2.AuthStyleInParams; docs/auth0.md "Management API" "Token"). No request is sent
// until the first call.
func New(t Tenant, cr Credentials, base *http.Client) (*Client, error) {
	if err := cr.Check(); err != nil {
		return nil, err
	}
	if base == nil {
		base = &http.Client{Timeout: 60 * time.Second}
	}
	var src oauth2.TokenSource
	if cr.APIToken != "" {
		src = oauth2.StaticTokenSource(&oauth2.Token{AccessToken: cr.APIToken, TokenType: "Bearer"})
	} else {
		cc := &clientcredentials.Config{
			ClientID:       cr.ClientID,
			ClientSecret:   cr.ClientSecret,
			TokenURL:       t.TokenURL(),
			EndpointParams: map[string][]string{"audience": {t.Audience()}},
			AuthStyle:      oauth2.AuthStyleInParams,
		}
		// The token source keeps this context for its fetches; it only carries
		// the HTTP client, so that the token request uses base too.
		src = cc.TokenSource(context.WithValue(context.Background(), oauth2.HTTPClient, base))
	}
	hc := &http.Client{
		Transport: &oauth2.Transport{Source: oauth2.ReuseTokenSource(nil, src), Base: base.Transport},
		Timeout:   base.Timeout,
	}
	return &Client{BaseURL: t.BaseURL, HTTP: hc}, nil
}
