package jira

// JIRA's OAuth 1.0a endpoints below the base URL, as in the Auth0 JIRA
// guide's step 3 and Atlassian's OAuth plugin (docs/jira.md "OAuth 1.0a
// provider").
const (
	RequestTokenPath = "/plugins/servlet/oauth/request-token"
	AuthorizePath    = "/plugins/servlet/oauth/authorize"
	AccessTokenPath  = "/plugins/servlet/oauth/access-token"
)

// REST paths bridge and the shipped script call (docs/jira.md "REST").
const (
	RESTPrefix  = "/rest/"
	MyselfPath  = "/rest/api/2/myself"
	SessionPath = "/rest/auth/1/session"
)

// JIRA Data Center's OAuth 2.0 provider endpoints below the base URL
// (docs/jira.md "OAuth 2.0").
const (
	OAuth2AuthorizePath = "/rest/oauth2/latest/authorize"
	OAuth2TokenPath     = "/rest/oauth2/latest/token"
)

// Atlassian Cloud's OAuth 2.0 (3LO) authorization server and API hosts, and
// its endpoints below them: absolute, they do not depend on the site's URL
// (docs/jira.md "OAuth 2.0").
const (
	CloudAuthBase      = "https://auth.atlassian.com"
	CloudAPIBase       = "https://api.atlassian.com"
	CloudAuthorizePath = "/authorize"
	CloudTokenPath     = "/oauth/token"
	CloudMePath        = "/me"

	CloudAuthorizeURL = CloudAuthBase + CloudAuthorizePath
	CloudTokenURL     = CloudAuthBase + CloudTokenPath
	CloudMeURL        = CloudAPIBase + CloudMePath
)

// OAuth1Endpoints are JIRA's three OAuth 1.0a URLs for one base URL.
type OAuth1Endpoints struct {
	RequestToken, Authorize, AccessToken string
}

// OAuth1 returns the OAuth 1.0a endpoints below base, a URL NormalizeBaseURL
// returned.
func OAuth1(base string) OAuth1Endpoints {
	return OAuth1Endpoints{
		RequestToken: base + RequestTokenPath,
		Authorize:    base + AuthorizePath,
		AccessToken:  base + AccessTokenPath,
	}
}

// OAuth2Endpoints are an OAuth 2.0 provider's authorize and token URLs.
type OAuth2Endpoints struct {
	Authorize, Token string
}

// OAuth2DataCenter returns JIRA Data Center's OAuth 2.0 endpoints below base.
func OAuth2DataCenter(base string) OAuth2Endpoints {
	return OAuth2Endpoints{Authorize: base + OAuth2AuthorizePath, Token: base + OAuth2TokenPath}
}

// OAuth2Cloud returns Atlassian Cloud's OAuth 2.0 endpoints.
func OAuth2Cloud() OAuth2Endpoints { return OAuth2CloudAt(CloudAuthBase) }

// OAuth2CloudAt returns Cloud's OAuth 2.0 endpoints below authBase: the
// authorization server, CloudAuthBase or a mock standing in for it.
func OAuth2CloudAt(authBase string) OAuth2Endpoints {
	return OAuth2Endpoints{Authorize: authBase + CloudAuthorizePath, Token: authBase + CloudTokenPath}
}
