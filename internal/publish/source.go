package publish

import (
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/verify"
)

// OAuth1Source is the Source of a validated oauth1 connection: its body,
// and the consumer key and private key the suite signs with, as the
// connection's script signs with them once published (docs/auth0.md "The
// sandbox").
func OAuth1Source(v *connection.Validated) Source {
	b := v.Body()
	return Source{Body: b.JSON(), Name: v.Name, Script: v.Script, ScriptName: v.ScriptName, JIRAURL: v.JIRAURL,
		Rendered: b.Options.Scripts.FetchUserProfile,
		Verify:   verify.Options{ConsumerKey: v.ConsumerKey, PrivateKey: v.PrivateKey, PrivateKeyPEM: v.PrivateKeyPEM}}
}

// OAuth2Source is the Source of a validated oauth2 connection: the suite
// runs its script on the OAuth 2.0 mock of flavor ("" runs the cases of
// both flavours).
func OAuth2Source(v *connection.OAuth2Validated, flavor jiramock.Flavor) Source {
	return Source{Body: v.Body().JSON(), Name: v.Name, Script: v.Script, ScriptName: v.ScriptName, JIRAURL: v.JIRAURL,
		Rendered: v.Rendered, Verify: verify.Options{Protocol: "oauth2", Flavor: flavor}}
}
