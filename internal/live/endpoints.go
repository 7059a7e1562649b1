package live

import (
	"github.com/dghubble/oauth1"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// JIRA's OAuth 1.0a endpoints below its base URL (internal/jira, docs/jira.md "OAuth 1.0a provider").
const (
	RequestTokenPath = jira.RequestTokenPath
	AuthorizePath    = jira.AuthorizePath
	AccessTokenPath  = jira.AccessTokenPath
)

// Endpoint returns JIRA's OAuth endpoints below base, a URL
// jira.NormalizeBaseURL returned.
func Endpoint(base string) oauth1.Endpoint {
	e := jira.OAuth1(base)
	return oauth1.Endpoint{RequestTokenURL: e.RequestToken, AuthorizeURL: e.Authorize, AccessTokenURL: e.AccessToken}
}
