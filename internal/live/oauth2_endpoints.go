package live

import (
	"fmt"
	"strings"

	"golang.org/x/oauth2"
)

// Protocol flavours of OAuth 2.0 (docs/jira.md "OAuth 2.0").
const (
	FlavorServer = "server" // Jira Data Center's OAuth 2.0 provider
	FlavorCloud  = "cloud"  // Atlassian Cloud's OAuth 2.0 (3LO)
)

// Paths and hosts of the two flavours (docs/jira.md "OAuth 2.0").
const (
	DCAuthorizePath   = "/rest/oauth2/latest/authorize"
	DCTokenPath       = "/rest/oauth2/latest/token"
	AtlassianAuthBase = "https://auth.atlassian.com"
	AtlassianAPIBase  = "https://api.atlassian.com"
)

// OAuth2Endpoint is the authorization server of flavour: below jiraURL on
// Data Center; on Cloud below authBase ("" = https://auth.atlassian.com; a
// mock stands in with its own URL).
func OAuth2Endpoint(flavor, jiraURL, authBase string) (oauth2.Endpoint, error) {
	switch flavor {
	case FlavorServer, "":
		if err := CheckJIRAURL(jiraURL); err != nil {
			return oauth2.Endpoint{}, err
		}
		base := strings.TrimRight(jiraURL, "/")
		return oauth2.Endpoint{AuthURL: base + DCAuthorizePath, TokenURL: base + DCTokenPath}, nil
	case FlavorCloud:
		if authBase == "" {
			authBase = AtlassianAuthBase
		}
		if err := CheckJIRAURL(authBase); err != nil {
			return oauth2.Endpoint{}, err
		}
		base := strings.TrimRight(authBase, "/")
		return oauth2.Endpoint{AuthURL: base + "/authorize", TokenURL: base + "/oauth/token"}, nil
	}
	return oauth2.Endpoint{}, fmt.Errorf("live: unknown flavour %q: use %s or %s", flavor, FlavorServer, FlavorCloud)
}

// DefaultOAuth2Scopes are the scopes a fetchUserProfile script needs: READ
// on Data Center ("Also view your user profile"); read:me, read:jira-user and
// offline_access (for a refresh token) on Cloud.
func DefaultOAuth2Scopes(flavor string) []string {
	if flavor == FlavorCloud {
		return []string{"read:me", "read:jira-user", "offline_access"}
	}
	return []string{"READ"}
}

// cloudAuthParams are Atlassian Cloud's required authorization parameters
// besides RFC 6749's (docs/jira.md "OAuth 2.0").
func cloudAuthParams() []oauth2.AuthCodeOption {
	return []oauth2.AuthCodeOption{
		oauth2.SetAuthURLParam("audience", "api.atlassian.com"),
		oauth2.SetAuthURLParam("prompt", "consent"),
	}
}
