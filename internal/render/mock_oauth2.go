package render

import (
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
)

// MockOAuth2 describes a running mock's OAuth 2.0 side on w (stderr): the
// client it trusts (the test defaults unless flags replaced them) and the
// endpoints of its flavour, Data Center's below the base URL, Cloud's at its
// root standing in for auth.atlassian.com and api.atlassian.com.
func MockOAuth2(w io.Writer, m *jiramock.Mock, autoApprove string) {
	u, c := m.URL(), m.OAuth2Client()
	fmt.Fprintf(w, "mock JIRA (%s, OAuth 2.0) at %s\n", m.Flavor(), u)
	fmt.Fprintf(w, "client: --jira-client-id %s --jira-client-secret %s --redirect-uri %s\n", c.ID, c.Secret, c.RedirectURI)
	fmt.Fprintln(w, "users:")
	for _, usr := range m.Users() {
		fmt.Fprintf(w, "  %s  %s\n", usr.ID(), usr.DisplayName)
	}
	ep := jiramock.OAuth2Endpoint(u, m.Flavor())
	auto := ""
	if autoApprove != "" {
		auto = " (auto-approves as " + autoApprove + ")"
	}
	fmt.Fprintf(w, "authorize:      %s%s\n", ep.AuthURL, auto)
	fmt.Fprintf(w, "token:          POST %s\n", ep.TokenURL)
	if m.Flavor() == jiramock.Cloud {
		fmt.Fprintf(w, "scopes:         read:me read:jira-user offline_access; authorize needs audience=api.atlassian.com&prompt=consent\n")
		fmt.Fprintf(w, "REST:           GET %s/me, /oauth/token/accessible-resources, /ex/jira/%s/rest/api/3/myself (Bearer)\n", u, jiramock.CloudID)
	} else {
		fmt.Fprintf(w, "scopes:         READ WRITE ADMIN SYSTEM_ADMIN\n")
		fmt.Fprintf(w, "REST:           GET %s/rest/api/2/myself, /rest/api/2/user (Bearer)\n", u)
	}
	fmt.Fprintln(w, "Ctrl-C stops it.")
}
