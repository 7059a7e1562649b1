// Package bridge holds the files shipped inside the bridge binary: the shipped
// profile scripts (OAuth 1.0a, and OAuth 2.0 for Data Center and Cloud), the
// default test suite, the default mock users and the public test key pair. Everything else lives under internal/.
package bridge

import (
	"embed"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// ShippedScript is scripts/fetchUserProfile.js: the Auth0 guide's fetchUserProfile
// with its bugs fixed. Its JIRA_URL placeholder is filled in by RenderScript.
//
//go:embed scripts/fetchUserProfile.js
var ShippedScript string

// ShippedScriptName is the name error messages and stacks use for ShippedScript.
const ShippedScriptName = "scripts/fetchUserProfile.js"

// ShippedOAuth2ServerScript is scripts/oauth2/server.js: the fetchUserProfile of
// an oauth2 connection to Jira Data Center (GET JIRA_URL/rest/api/2/myself with
// a Bearer token); its JIRA_URL placeholder is filled in by RenderScript.
//
//go:embed scripts/oauth2/server.js
var ShippedOAuth2ServerScript string

// ShippedOAuth2ServerScriptName names ShippedOAuth2ServerScript in messages.
const ShippedOAuth2ServerScriptName = "scripts/oauth2/server.js"

// ShippedOAuth2CloudScript is scripts/oauth2/cloud.js: the fetchUserProfile of
// an oauth2 connection to Atlassian Cloud (GET https://api.atlassian.com/me).
//
//go:embed scripts/oauth2/cloud.js
var ShippedOAuth2CloudScript string

// ShippedOAuth2CloudScriptName names ShippedOAuth2CloudScript in messages.
const ShippedOAuth2CloudScriptName = "scripts/oauth2/cloud.js"

// TestPrivateKeyPEM and TestPublicKeyPEM are the key pair of the mock's default
// consumer. They are public: publishing with them is refused.
//
//go:embed testdata/keys/test.key
var TestPrivateKeyPEM []byte

//go:embed testdata/keys/test.pub
var TestPublicKeyPEM []byte

// DefaultConsumerKey is the consumer key the mock trusts when none is given, the
// example value of the Auth0 JIRA guide's step 2.
const DefaultConsumerKey = "auth0-jira"

// DefaultUsers holds the mock's default JIRA users: users/server/*.json and
// users/cloud/*.json below testdata/.
//
//go:embed testdata/users
var DefaultUsers embed.FS

// DefaultCases is the default test suite, testdata/cases, whose expected profiles
// belong to ShippedScript.
//
//go:embed all:testdata/cases
var DefaultCases embed.FS

// JIRAURLPlaceholder is the text a script carries where the JIRA base URL goes
// (jira.Placeholder).
const JIRAURLPlaceholder = jira.Placeholder

// RenderScript is jira.RenderScript: it fills jiraURL, a base URL
// jira.NormalizeBaseURL returned (or a mock's URL), in wherever the script
// says JIRA_URL.
func RenderScript(source, jiraURL string) string { return jira.RenderScript(source, jiraURL) }
