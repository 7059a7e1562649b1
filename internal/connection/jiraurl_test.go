package connection

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// NormalizeJIRAURL's rules are jira.NormalizeBaseURL's (tested there too);
// here a refusal is an *Error of FieldJIRAURL wrapping ErrJIRAURL.
func TestNormalizeJIRAURL(t *testing.T) {
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
		{in: "https://jira.example.com/a'+require('x')+'", bad: "cannot go into the script"},
		{in: `https://jira.example.com/a\b`, want: "https://jira.example.com/a%5Cb"},
		{in: "https://jira.example.com/ji%27ra", want: "https://jira.example.com/ji%27ra"},
		{in: "https://jira.example.com/jíra", want: "https://jira.example.com/j%C3%ADra"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := NormalizeJIRAURL(c.in)
			if c.bad == "" {
				require.NoError(t, err)
				assert.Equal(t, c.want, got)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrJIRAURL)
			assert.Contains(t, err.Error(), c.bad)
			assert.Contains(t, err.Error(), "connection: jira_url: ")
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, FieldJIRAURL, e.Field)
			assert.NotContains(t, err.Error(), "pw@", "the password is not echoed")
		})
	}
}

func TestOAuthURLs(t *testing.T) {
	rt, at, auth := OAuthURLs("https://example.com/jira")
	assert.Equal(t, "https://example.com/jira/plugins/servlet/oauth/request-token", rt)
	assert.Equal(t, "https://example.com/jira/plugins/servlet/oauth/access-token", at)
	assert.Equal(t, "https://example.com/jira/plugins/servlet/oauth/authorize", auth)
}

func TestCheckName(t *testing.T) {
	long := make([]byte, MaxNameLen)
	for i := range long {
		long[i] = 'a'
	}
	cases := []struct {
		name string
		ok   bool
	}{
		{"jira", true},
		{"Jira-Prod-2", true},
		{"a", true},
		{"a-b-c", true},
		{string(long), true},
		{string(long) + "a", false},
		{"", false},
		{"-jira", false},
		{"jira-", false},
		{"jira--prod", false},
		{"jira_prod", false},
		{"jira prod", false},
		{"jíra", false},
	}
	for _, c := range cases {
		err := CheckName(c.name)
		if c.ok {
			assert.NoError(t, err, c.name)
		} else {
			assert.ErrorIs(t, err, ErrName, c.name)
		}
	}
}
