package jira

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalizeBaseURL(t *testing.T) {
	cases := []struct {
		in, want string
		bad      string // substring of the error; "" = valid
	}{
		{in: "https://jira.example.com", want: "https://jira.example.com"},
		{in: "https://jira.example.com/", want: "https://jira.example.com"},
		{in: "https://jira.example.com///", want: "https://jira.example.com"},
		{in: "  HTTPS://Jira.Example.COM:8443/jira/ ", want: "https://jira.example.com:8443/jira"},
		{in: "http://10.0.0.5:8080/jira", want: "http://10.0.0.5:8080/jira"},
		{in: "https://[::1]:8443", want: "https://[::1]:8443"},
		{in: "", bad: "it is empty"},
		{in: "jira.example.com", bad: "not an absolute http(s) URL"},
		{in: "ftp://jira.example.com", bad: "not an absolute http(s) URL"},
		{in: "https://", bad: "has no host"},
		{in: "https://bob:pw@jira.example.com", bad: "carries user info"},
		{in: "https://jira.example.com?os_authType=basic", bad: "has a query"},
		{in: "https://jira.example.com/?", bad: "has a query"},
		{in: "https://jira.example.com/#top", bad: "has a fragment"},
		{in: "https://jira.example.com/jira//x", bad: "empty path segment"},
		{in: "https://jira.example.com/secure/Dashboard.jspa", bad: "not its base URL"},
		{in: "https://jira.example.com/plugins/servlet/oauth/request-token", bad: "not its base URL"},
		{in: "https://jira.example.com/rest/api/2/myself", bad: "not its base URL"},
		{in: "https://jira.example .com", bad: "white space"},
		{in: "https://jira.example.com/a b", bad: "white space"},
		{in: " https://jira.example.com", want: "https://jira.example.com"},
		{in: "\thttps://jira.example.com/jira/\n", want: "https://jira.example.com/jira"},
		{in: "https://jira.example.com/a'+require('x')+'", bad: "cannot go into the script"},
		{in: `https://jira.example.com/a\b`, want: "https://jira.example.com/a%5Cb"},
		{in: "https://jira.example.com/ji%27ra", want: "https://jira.example.com/ji%27ra"},
		{in: "https://jira.example.com/jíra", want: "https://jira.example.com/j%C3%ADra"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := NormalizeBaseURL(c.in)
			if c.bad == "" {
				require.NoError(t, err)
				assert.Equal(t, c.want, got)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrBaseURL)
			var ue *URLError
			require.ErrorAs(t, err, &ue)
			assert.Contains(t, ue.Detail, c.bad)
			assert.NotEmpty(t, ue.Fix)
			assert.NotContains(t, err.Error(), "--jira-url", "the package names no flag")
			assert.NotContains(t, err.Error(), "pw@", "the password is not echoed")
		})
	}
}

func TestEndpoints(t *testing.T) {
	e := OAuth1("https://example.com/jira")
	assert.Equal(t, "https://example.com/jira/plugins/servlet/oauth/request-token", e.RequestToken)
	assert.Equal(t, "https://example.com/jira/plugins/servlet/oauth/access-token", e.AccessToken)
	assert.Equal(t, "https://example.com/jira/plugins/servlet/oauth/authorize", e.Authorize)
	dc := OAuth2DataCenter("https://example.com/jira")
	assert.Equal(t, "https://example.com/jira/rest/oauth2/latest/authorize", dc.Authorize)
	assert.Equal(t, "https://example.com/jira/rest/oauth2/latest/token", dc.Token)
	assert.Equal(t, OAuth2Endpoints{"https://auth.atlassian.com/authorize", "https://auth.atlassian.com/oauth/token"}, OAuth2Cloud())
	assert.Equal(t, "https://api.atlassian.com/me", CloudMeURL)
}

func TestScript(t *testing.T) {
	got, base, err := Script("var u = 'JIRA_URL' + '/rest'; var v = 'JIRA_URL';", "  HTTPS://Jira.Example.com/jira/ ")
	require.NoError(t, err)
	assert.Equal(t, "https://jira.example.com/jira", base)
	assert.Equal(t, "var u = 'https://jira.example.com/jira' + '/rest'; var v = 'https://jira.example.com/jira';", got)
	_, _, err = Script("x", "https://jira.example.com/a b")
	assert.ErrorIs(t, err, ErrBaseURL)
}
