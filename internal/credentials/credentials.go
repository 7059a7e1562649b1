// Package credentials resolves the credentials bridge's commands are given in
// more than one way, with one rule each:
//
//   - Auth0 (publish, connection, keygen): a flag wins over its environment
//     variable, and a credential given by flag wins over every credential of
//     the environment, so that --api-token is never mixed with
//     AUTH0_CLIENT_ID.
//   - A real JIRA's access token (run): a flag wins over the token file
//     written by `bridge live --save-token`.
package credentials

import (
	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/live"
)

// The environment variables of the Auth0 settings.
const (
	EnvDomain       = "AUTH0_DOMAIN"
	EnvAPIToken     = "AUTH0_API_TOKEN"
	EnvClientID     = "AUTH0_CLIENT_ID"
	EnvClientSecret = "AUTH0_CLIENT_SECRET"
)

// Getenv reads an environment variable, as os.Getenv does.
type Getenv func(key string) string

// Auth0 are the Auth0 settings as the flags give them; "" is not given.
type Auth0 struct {
	Domain, APIToken, ClientID, ClientSecret string
}

// Domain is the tenant: the flag, or AUTH0_DOMAIN when the flag is empty.
func Domain(flag string, getenv Getenv) string { return pick(flag, getenv(EnvDomain)) }

// Resolve returns the tenant and the Management API credentials: each flag
// wins over its variable, and when any credential is given by flag, the
// environment's credentials are not read at all.
func (f Auth0) Resolve(getenv Getenv) (domain string, c auth0.Credentials) {
	domain = Domain(f.Domain, getenv)
	if f.APIToken != "" || f.ClientID != "" || f.ClientSecret != "" {
		return domain, auth0.Credentials{APIToken: f.APIToken, ClientID: f.ClientID, ClientSecret: f.ClientSecret}
	}
	return domain, auth0.Credentials{
		APIToken:     getenv(EnvAPIToken),
		ClientID:     getenv(EnvClientID),
		ClientSecret: getenv(EnvClientSecret),
	}
}

// JIRA is a real JIRA and an access token for it, as the flags give them.
type JIRA struct {
	JIRAURL, ConsumerKey, Token, TokenSecret string
}

// Fill fills the fields the flags left empty from a token file: flags win.
func (j JIRA) Fill(tf live.TokenFile) JIRA {
	return JIRA{
		JIRAURL:     pick(j.JIRAURL, tf.JIRAURL),
		ConsumerKey: pick(j.ConsumerKey, tf.ConsumerKey),
		Token:       pick(j.Token, tf.Token),
		TokenSecret: pick(j.TokenSecret, tf.TokenSecret),
	}
}

// pick is first unless it is empty, else second.
func pick(first, second string) string {
	if first != "" {
		return first
	}
	return second
}
