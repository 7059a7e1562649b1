package connection_test

import (
	"fmt"
	"os"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
)

func ExampleBuildOAuth2() {
	body, err := connection.BuildOAuth2(connection.OAuth2Params{
		Flavor:       connection.FlavorCloud,
		ClientID:     "aBcD1234",
		ClientSecret: "example-secret-not-real-0123456789",
		Script:       "function(accessToken, ctx, cb) {\n  cb(null, {user_id: 'x'});\n}",
	})
	if err != nil {
		panic(err)
	}
	var b connection.Built = body
	os.Stdout.Write(b.Masked().Indent()) // redacted unless secrets are to be shown
	// Output:
	// {
	//   "name": "jira",
	//   "strategy": "oauth2",
	//   "options": {
	//     "client_id": "aBcD1234",
	//     "client_secret": "[REDACTED]",
	//     "authorizationURL": "https://auth.atlassian.com/authorize",
	//     "tokenURL": "https://auth.atlassian.com/oauth/token",
	//     "scope": "read:me read:jira-user offline_access",
	//     "pkce_enabled": false,
	//     "authParams": {
	//       "audience": "api.atlassian.com",
	//       "prompt": "consent"
	//     },
	//     "scripts": {
	//       "fetchUserProfile": "function(accessToken, ctx, cb) {\n  cb(null, {user_id: 'x'});\n}"
	//     }
	//   }
	// }
}

func ExampleValidateOAuth2() {
	_, err := connection.ValidateOAuth2(connection.OAuth2Params{
		JIRAURL:      "https://jira.example.com",
		ClientID:     "aBcD1234",
		ClientSecret: "",
		Scope:        "READ read:me",
		Script:       "function(accessToken, ctx, cb) { cb(null, {}); }",
	})
	for _, p := range connection.Problems(err) {
		fmt.Printf("%s: %v\n", p.Field, p.Err)
	}
	// Output:
	// jira_client_secret: bad OAuth 2.0 client secret: it is empty
	// scope: bad scope: "read:me" is not a Jira Data Center scope
}
