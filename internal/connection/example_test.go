package connection_test

import (
	"fmt"
	"os"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
)

func ExampleBuild() {
	pem, err := os.ReadFile("../keys/testdata/pkcs8.key") // a throwaway key
	if err != nil {
		panic(err)
	}
	body, err := connection.Build(connection.Params{
		JIRAURL:       "https://example.com/jira/",
		ConsumerKey:   "auth0-jira",
		PrivateKeyPEM: string(pem),
		Script:        "function(token, tokenSecret, ctx, cb) {\n  cb(null, {user_id: 'JIRA_URL'});\n}",
	})
	if err != nil {
		panic(err)
	}
	// Print it redacted: the body itself carries the private key.
	os.Stdout.Write(body.Redacted().Indent())
	// Output:
	// {
	//   "name": "jira",
	//   "strategy": "oauth1",
	//   "options": {
	//     "client_id": "auth0-jira",
	//     "client_secret": "[REDACTED]",
	//     "requestTokenURL": "https://example.com/jira/plugins/servlet/oauth/request-token",
	//     "accessTokenURL": "https://example.com/jira/plugins/servlet/oauth/access-token",
	//     "userAuthorizationURL": "https://example.com/jira/plugins/servlet/oauth/authorize",
	//     "signatureMethod": "RSA-SHA1",
	//     "scripts": {
	//       "fetchUserProfile": "function(token, tokenSecret, ctx, cb) {\n  cb(null, {user_id: 'https://example.com/jira'});\n}"
	//     }
	//   }
	// }
}

func ExampleValidate() {
	_, err := connection.Validate(connection.Params{
		JIRAURL:       "https://jira.example.com?x=1",
		ConsumerKey:   "auth0-jira",
		PrivateKeyPEM: "",
		Name:          "jira_prod",
	})
	for _, p := range connection.Problems(err) {
		fmt.Println(p.Field)
	}
	// Output:
	// jira_url
	// name
	// private_key
}
