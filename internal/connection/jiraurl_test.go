package connection

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// NormalizeJIRAURL's rules are jira.NormalizeBaseURL's (tested there); here
// a refusal names --jira-url and wraps ErrJIRAURL.
func TestNormalizeJIRAURL(t *testing.T) {
	got, err := NormalizeJIRAURL(" https://Jira.Example.com/jira/ ")
	require.NoError(t, err)
	assert.Equal(t, "https://jira.example.com/jira", got)
	_, err = NormalizeJIRAURL("https://bob:pw@jira.example.com")
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrJIRAURL)
	ps := Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "--jira-url", ps[0].Field)
	assert.Contains(t, err.Error(), "carries user info")
	assert.NotContains(t, err.Error(), "pw@", "the password is not echoed")
}

func TestOAuthURLs(t *testing.T) {
	rt, at, auth := OAuthURLs("https://example.com/jira")
	assert.Equal(t, "https://example.com/jira/plugins/servlet/oauth/request-token", rt)
	assert.Equal(t, "https://example.com/jira/plugins/servlet/oauth/access-token", at)
	assert.Equal(t, "https://example.com/jira/plugins/servlet/oauth/authorize", auth)
}
