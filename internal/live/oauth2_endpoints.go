package live

import (
	"fmt"

	"golang.org/x/oauth2"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// Protocol flavours of OAuth 2.0 (docs/jira.md "OAuth 2.0").
const (
	FlavorServer = "server" // Jira Data Center's OAuth 2.0 provider
	FlavorCloud  = "cloud"  // Atlassian Cloud's OAuth 2.0 (3LO)
)

// Paths and hosts of the two flavours (internal/jira, docs/jira.md "OAuth 2.0").
const (
	DCAuthorizePath   = jira.OAuth2AuthorizePath
	DCTokenPath       = jira.OAuth2TokenPath
	AtlassianAuthBase = jira.CloudAuthBase
	AtlassianAPIBase  = jira.CloudAPIBase
)

// OAuth2Endpoint is the authorization server of flavour: below jiraURL on
// Data Center; on Cloud below authBase ("" = https://auth.atlassian.com; a
// mock stands in with its own URL).
func OAuth2Endpoint(flavor, jiraURL, authBase string) (oauth2.Endpoint, error) {
	switch flavor {
	case FlavorServer, "":
		base, err := jira.NormalizeBaseURL(jiraURL)
		if err != nil {
			return oauth2.Endpoint{}, err
		}
		e := jira.OAuth2DataCenter(base)
		return oauth2.Endpoint{AuthURL: e.Authorize, TokenURL: e.Token}, nil
	case FlavorCloud:
		if authBase == "" {
			authBase = AtlassianAuthBase
		}
		base, err := jira.NormalizeBaseURL(authBase)
		if err != nil {
			return oauth2.Endpoint{}, err
		}
		e := jira.OAuth2CloudAt(base)
		return oauth2.Endpoint{AuthURL: e.Authorize, TokenURL: e.Token}, nil
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
