package connection

import (
	"errors"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// NormalizeJIRAURL is jira.NormalizeBaseURL with its refusal turned into an
// *Error of FieldJIRAURL wrapping ErrJIRAURL.
func NormalizeJIRAURL(raw string) (string, error) {
	base, err := jira.NormalizeBaseURL(raw)
	var ue *jira.URLError
	if errors.As(err, &ue) {
		return "", problem(FieldJIRAURL, ErrJIRAURL, ue.Fix, "%s", ue.Detail)
	}
	return base, err
}

// OAuthURLs returns JIRA's request-token, access-token and authorization URLs
// below the normalized base URL (jira.OAuth1).
func OAuthURLs(base string) (requestToken, accessToken, authorize string) {
	e := jira.OAuth1(base)
	return e.RequestToken, e.AccessToken, e.Authorize
}
