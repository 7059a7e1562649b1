package script

import (
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// Context is the ctx object the script sees (docs/auth0.md "The sandbox"): the connection's
// options as Auth0 passes them to fetchUserProfile.
type Context struct {
	RequestTokenURL, AccessTokenURL, UserAuthorizationURL string
	ClientID                                              string // consumer key -> ctx.client_id
	ClientSecret                                          string // private key PEM -> ctx.client_secret
	SignatureMethod                                       string // "RSA-SHA1"

	// TokenResponse is the OAuth 2.0 token response's fields, the ctx of a
	// ProtocolOAuth2 run (OAuth2Object); an OAuth1 run ignores it.
	TokenResponse map[string]any `json:",omitempty"`
}

// ContextFor returns the ctx of a JIRA connection: the three JIRA OAuth URLs
// derived from the base URL, the consumer key and the private key PEM, RSA-SHA1.
func ContextFor(jiraURL, consumerKey, privateKeyPEM string) Context {
	e := jira.OAuth1(strings.TrimRight(jiraURL, "/"))
	return Context{
		RequestTokenURL:      e.RequestToken,
		AccessTokenURL:       e.AccessToken,
		UserAuthorizationURL: e.Authorize,
		ClientID:             consumerKey,
		ClientSecret:         privateKeyPEM,
		SignatureMethod:      "RSA-SHA1",
	}
}

// Object returns ctx as the script sees it (docs/auth0.md "The sandbox"): the six properties
// Auth0 passes to fetchUserProfile, named as the script reads them.
func (c Context) Object() map[string]any {
	return map[string]any{
		"requestTokenURL":      c.RequestTokenURL,
		"accessTokenURL":       c.AccessTokenURL,
		"userAuthorizationURL": c.UserAuthorizationURL,
		"client_id":            c.ClientID,
		"client_secret":        c.ClientSecret,
		"signatureMethod":      c.SignatureMethod,
	}
}
