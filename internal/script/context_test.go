package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestContextObject pins ctx as the script sees it (docs/auth0.md "The sandbox"); bench/sidebyside
// hands the same object to the real Node run.
func TestContextObject(t *testing.T) {
	c := ContextFor("https://jira.example.com/", "auth0-jira", "PEM")
	assert.Equal(t, map[string]any{
		"requestTokenURL":      "https://jira.example.com/plugins/servlet/oauth/request-token",
		"accessTokenURL":       "https://jira.example.com/plugins/servlet/oauth/access-token",
		"userAuthorizationURL": "https://jira.example.com/plugins/servlet/oauth/authorize",
		"client_id":            "auth0-jira",
		"client_secret":        "PEM",
		"signatureMethod":      "RSA-SHA1",
	}, c.Object())
}
