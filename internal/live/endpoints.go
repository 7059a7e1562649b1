package live

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/dghubble/oauth1"
)

// JIRA's OAuth 1.0a endpoints below its base URL (docs/jira.md "OAuth 1.0a provider", Atlassian OAuth plugin).
const (
	RequestTokenPath = "/plugins/servlet/oauth/request-token"
	AuthorizePath    = "/plugins/servlet/oauth/authorize"
	AccessTokenPath  = "/plugins/servlet/oauth/access-token"
)

// Endpoint returns JIRA's OAuth endpoints below jiraURL, the base URL people
// open JIRA at (with its context path, e.g. https://example.com/jira).
func Endpoint(jiraURL string) oauth1.Endpoint {
	base := strings.TrimRight(jiraURL, "/")
	return oauth1.Endpoint{
		RequestTokenURL: base + RequestTokenPath,
		AuthorizeURL:    base + AuthorizePath,
		AccessTokenURL:  base + AccessTokenPath,
	}
}

// CheckJIRAURL says what is wrong with a --jira-url value, or returns nil: it
// must be an absolute http(s) URL without query or fragment.
func CheckJIRAURL(jiraURL string) error {
	u, err := url.Parse(jiraURL)
	if err != nil {
		return fmt.Errorf("live: the JIRA URL %q does not parse: %v", jiraURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("live: the JIRA URL %q must be an absolute http(s) URL, e.g. https://jira.example.com", jiraURL)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("live: the JIRA URL %q must be JIRA's base URL only, without user, query or fragment", jiraURL)
	}
	return nil
}
