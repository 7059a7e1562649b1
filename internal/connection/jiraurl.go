package connection

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// The JIRA OAuth endpoints below the base URL, as in the Auth0 JIRA guide's
// step 3 (docs/jira.md "OAuth 1.0a provider").
const (
	RequestTokenPath  = "/plugins/servlet/oauth/request-token"
	AccessTokenPath   = "/plugins/servlet/oauth/access-token"
	AuthorizationPath = "/plugins/servlet/oauth/authorize"
)

const jiraURLFix = "give JIRA's base URL, e.g. https://jira.example.com or https://example.com/jira"

// NormalizeJIRAURL checks that raw is an absolute http(s) base URL of JIRA,
// without user info, query or fragment, and returns it with the scheme and
// host lowercased and no trailing slash. A path prefix (/jira) is kept.
func NormalizeJIRAURL(raw string) (string, error) {
	field := FieldJIRAURL
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", problem(field, ErrJIRAURL, jiraURLFix, "it is empty")
	}
	if strings.ContainsAny(s, " \t\r\n") {
		return "", problem(field, ErrJIRAURL, jiraURLFix, "%q contains white space", raw)
	}
	u, err := url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // "parse URL: …" repeats the URL, which the detail names
		}
		return "", problem(field, ErrJIRAURL, jiraURLFix, "%q is not a URL: %v", raw, err)
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "http" && scheme != "https":
		return "", problem(field, ErrJIRAURL, jiraURLFix, "%q is not an absolute http(s) URL", raw)
	case u.Host == "" || u.Hostname() == "":
		return "", problem(field, ErrJIRAURL, jiraURLFix, "%q has no host", raw)
	case u.User != nil:
		return "", problem(field, ErrJIRAURL, "remove the user name and password: OAuth signs the requests, JIRA needs no password", "%q carries user info", u.Redacted())
	case u.RawQuery != "" || u.ForceQuery:
		return "", problem(field, ErrJIRAURL, "remove the query: JIRA's base URL has none, e.g. https://jira.example.com or https://example.com/jira", "%q has a query", raw)
	case u.Fragment != "" || strings.Contains(s, "#"):
		return "", problem(field, ErrJIRAURL, "remove the #fragment: JIRA's base URL has none, e.g. https://jira.example.com or https://example.com/jira", "%q has a fragment", raw)
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	// The URL is rendered into the script inside a '…' string literal, so a
	// quote or backslash would break it or inject code: allow only RFC 3986
	// path characters without the apostrophe.
	for _, r := range u.Host + path {
		if !urlSafe(r) {
			return "", problem(field, ErrJIRAURL, jiraURLFix, "%q contains %s, which cannot go into the script's JIRA_URL", raw, runeName(r))
		}
	}
	if strings.Contains(path, "//") {
		return "", problem(field, ErrJIRAURL, jiraURLFix, "%q has an empty path segment", raw)
	}
	for _, page := range []string{"/plugins/servlet/", "/rest/", "/secure/", "/browse/", ".jsp"} {
		if strings.Contains(path+"/", page) {
			return "", problem(field, ErrJIRAURL, jiraURLFix, "%q is a page of JIRA, not its base URL", raw)
		}
	}
	return scheme + "://" + strings.ToLower(u.Host) + path, nil
}

// OAuthURLs returns JIRA's request-token, access-token and authorization URLs
// below the normalized base URL (Auth0 JIRA guide, step 3).
func OAuthURLs(base string) (requestToken, accessToken, authorize string) {
	return base + RequestTokenPath, base + AccessTokenPath, base + AuthorizationPath
}

// urlSafe reports whether r may appear in a rendered JIRA URL's host or path:
// RFC 3986 unreserved and sub-delims characters, ':', '@', '/', '%', '[' and
// ']' (IPv6 hosts), but no apostrophe, which would end the script's string.
func urlSafe(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune("-._~!$&()*+,;=:@/%[]", r)
}

// runeName names r for a message: %q of an apostrophe escapes it with a backslash, which reads
// badly.
func runeName(r rune) string {
	switch r {
	case '\'':
		return "an apostrophe (')"
	case '"':
		return `a double quote (")`
	case '\\':
		return `a backslash (\)`
	case '`':
		return "a backquote (`)"
	}
	return fmt.Sprintf("%q", r)
}
