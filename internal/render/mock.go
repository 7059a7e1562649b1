package render

import (
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
)

// Mock describes a running mock JIRA: its URL, consumers (keySource is the
// public key's file, "" for the shipped test key), users and endpoints.
func Mock(w io.Writer, m *jiramock.Mock, keySource, autoApprove string) {
	u := m.URL()
	fmt.Fprintf(w, "mock JIRA (%s) at %s\n", m.Flavor(), u)
	for _, c := range m.Consumers() {
		src := "the shipped test key (testdata/keys/test.pub)"
		if keySource != "" {
			src = keySource
		}
		fmt.Fprintf(w, "consumer: %s, RSA-SHA1, %d-bit public key from %s\n", c.Key, c.PublicKey.N.BitLen(), src)
	}
	fmt.Fprintln(w, "users:")
	for _, usr := range m.Users() {
		email := usr.EmailAddress
		if email == "" {
			email = "no email"
		}
		fmt.Fprintf(w, "  %s  %s <%s>\n", usr.ID(), usr.DisplayName, email)
	}
	e := jira.OAuth1(u)
	fmt.Fprintf(w, "request token:  POST %s\n", e.RequestToken)
	fmt.Fprintf(w, "authorize:      %s", e.Authorize)
	if autoApprove != "" {
		fmt.Fprintf(w, " (auto-approves as %s)", autoApprove)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "access token:   POST %s\n", e.AccessToken)
	fmt.Fprintf(w, "REST:           GET %s/rest/auth/1/session, /rest/api/2/user, /rest/api/2/myself\n", u)
	fmt.Fprintln(w, "Ctrl-C stops it.")
}
