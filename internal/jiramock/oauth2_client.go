package jiramock

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// OAuth2Client is the OAuth 2.0 client the mock trusts: the incoming link an
// administrator creates in Jira Data Center, or the app of Atlassian's
// developer console (docs/jira.md "OAuth 2.0"). One client serves both
// flavours' endpoints.
type OAuth2Client struct {
	ID          string // client_id
	Secret      string // client_secret
	RedirectURI string // the one registered redirect URI; authorize and token compare it exactly
}

// DefaultOAuth2Client is the test client of a mock configured without one.
// Its values are public: they are for loopback tests only.
func DefaultOAuth2Client() OAuth2Client {
	return OAuth2Client{
		ID:          "bridge-test-client",
		Secret:      "bridge-test-secret",
		RedirectURI: "http://127.0.0.1:8976/callback",
	}
}

// orDefault fills a zero client with DefaultOAuth2Client and checks the
// redirect URI: absolute, http(s), no fragment (RFC 6749 §3.1.2).
func (c OAuth2Client) orDefault() (OAuth2Client, error) {
	if c == (OAuth2Client{}) {
		return DefaultOAuth2Client(), nil
	}
	if c.ID == "" || c.Secret == "" || c.RedirectURI == "" {
		return c, fmt.Errorf("jiramock: the OAuth 2.0 client needs an id, a secret and a redirect URI (got id %q, redirect URI %q)", c.ID, c.RedirectURI)
	}
	u, err := url.Parse(c.RedirectURI)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" || strings.Contains(c.RedirectURI, "#") {
		return c, fmt.Errorf("jiramock: OAuth 2.0 redirect URI %q: give an absolute http(s) URL without a fragment (RFC 6749 §3.1.2)", c.RedirectURI)
	}
	return c, nil
}

// The OAuth 2.0 paths. Data Center's live below JIRA's context path
// (docs/jira.md "OAuth 2.0": Jira OAuth 2.0 provider API); Cloud's are
// auth.atlassian.com's and api.atlassian.com's, served at the mock's root
// (docs/jira.md "OAuth 2.0": OAuth 2.0 (3LO) apps).
const (
	PathDCAuthorize        = jira.OAuth2AuthorizePath
	PathDCToken            = jira.OAuth2TokenPath
	PathCloudAuthorize     = jira.CloudAuthorizePath
	PathCloudToken         = jira.CloudTokenPath
	PathCloudMe            = jira.CloudMePath
	PathCloudResources     = "/oauth/token/accessible-resources"
	pathCloudJiraPrefix    = "/ex/jira/"
	cloudAudience          = "api.atlassian.com"
	cloudPromptConsent     = "consent"
	cloudJiraAPIMyselfTail = "/rest/api/3/myself"
)

// CloudID is the cloud id of the mock's one Atlassian site, as
// /oauth/token/accessible-resources lists it and /ex/jira/{cloudid}/ expects.
const CloudID = "1a2b3c4d-0000-4000-8000-00000000b1d9"

// Scopes of Jira Data Center's OAuth 2.0 provider ("OAuth 2.0 scopes for
// incoming links"), each including the ones before it (an assumption,
// docs/jira.md "OAuth 2.0").
var dcScopes = []string{"READ", "WRITE", "ADMIN", "SYSTEM_ADMIN"}

// Scopes of Atlassian Cloud the mock knows (OAuth 2.0 (3LO) apps; the user
// identity API's read:me; Jira's classic read:jira-user; offline_access for
// a refresh token).
var cloudScopes = []string{"read:me", "read:jira-user", "read:jira-work", "write:jira-work", "offline_access"}

// DefaultOAuth2Scopes are the scopes a token gets when a grant names none:
// what the shipped scripts need.
func DefaultOAuth2Scopes(f Flavor) []string {
	if f == Cloud {
		return []string{"read:me", "read:jira-user", "offline_access"}
	}
	return []string{"READ"}
}

// knownScope reports whether s is a scope of flavor f.
func knownScope(f Flavor, s string) bool {
	list := dcScopes
	if f == Cloud {
		list = cloudScopes
	}
	for _, k := range list {
		if k == s {
			return true
		}
	}
	return false
}

// hasScope reports whether the granted scopes cover need. On Data Center a
// higher scope covers the lower ones (assumption, docs/jira.md "OAuth 2.0");
// Cloud's scopes are independent.
func hasScope(f Flavor, granted []string, need string) bool {
	rank := func(s string) int {
		for i, k := range dcScopes {
			if k == s {
				return i
			}
		}
		return -1
	}
	for _, g := range granted {
		if g == need || f != Cloud && rank(need) >= 0 && rank(g) >= rank(need) {
			return true
		}
	}
	return false
}
