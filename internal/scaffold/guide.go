package scaffold

import (
	"fmt"
	"path/filepath"
)

// Guide is what to do after init: for OAuth 2.0, how to create the client in
// Jira Data Center (an incoming application link, Jira 8.22 and later) or in
// Atlassian's developer console, and what goes where (docs/jira.md "OAuth
// 2.0", docs/migration.md); then the test command. Keygen is not needed for
// OAuth 2.0: the client has a secret, not a key pair.
func Guide(dir string, k Kind) string {
	test := fmt.Sprintf("bridge test --script %s --cases %s", filepath.Join(dir, ScriptName), filepath.Join(dir, CasesDir))
	if !k.oauth2() {
		return "next: " + test + "\n"
	}
	test += " --protocol oauth2"
	conn := "bridge connection --protocol oauth2 --flavor server --jira-url https://jira.example.com"
	steps := `Create the OAuth 2.0 client in Jira Data Center (8.22 or later), as a Jira administrator:
  1. Administration > Applications > Application links > Create link; choose "External application", direction "Incoming".
  2. Name it (e.g. Auth0); Redirect URL: https://YOUR_TENANT.auth0.com/login/callback (your Auth0 domain).
  3. Permission: READ (it lets the script read /rest/api/2/myself). Save.
  4. Copy the Client ID and Client secret Jira shows: they are --jira-client-id and --jira-client-secret.
`
	if k.cloud() {
		conn = "bridge connection --protocol oauth2 --flavor cloud"
		steps = `Create the OAuth 2.0 (3LO) app in Atlassian's developer console (https://developer.atlassian.com/console/myapps/):
  1. Create > OAuth 2.0 integration; name it (e.g. Auth0).
  2. Permissions: add "User identity API" with read:me (the script calls https://api.atlassian.com/me),
     and the Jira API with read:jira-user if the script also reads Jira.
  3. Authorization: OAuth 2.0 (3LO), Callback URL: https://YOUR_TENANT.auth0.com/login/callback (your Auth0 domain).
  4. Settings: copy the Client ID and Secret: they are --jira-client-id and --jira-client-secret.
  Auth0 must send audience=api.atlassian.com and prompt=consent: bridge connection puts them in authParams.
`
	}
	return steps + "next: " + test + "\nthen: " + conn + " --jira-client-id ID --jira-client-secret SECRET --script " +
		filepath.Join(dir, ScriptName) + " (see README \"Moving from OAuth 1.0a to OAuth 2.0\")\n"
}
