package scriptsrc

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/jira-auth0-bridge/bridge"
)

// LiteralURLError says that a script holds no JIRA_URL placeholder but a
// literal URL, as a script pasted from the Auth0 dashboard does: bridge
// fills in the mock's base URL only where the script says JIRA_URL
// (bridge.RenderScript), and the sandbox blocks every other host, so no case
// could reach the mock.
type LiteralURLError struct {
	Script string // the script's name
	URL    string // the first literal http(s) URL in a string
	Line   int    // its line, from 1
}

func (e *LiteralURLError) Error() string {
	return fmt.Sprintf("%s:%d holds the literal URL %s and no %s placeholder: the mock JIRA answers only where the script says %s, so every case would fail; "+
		"put %s where the JIRA base URL goes (e.g. '%s' for '%s'), or get the deployed script with `bridge pull`, which does this",
		e.Script, e.Line, e.URL, bridge.JIRAURLPlaceholder, bridge.JIRAURLPlaceholder, bridge.JIRAURLPlaceholder, bridge.JIRAURLPlaceholder, origin(e.URL))
}

// literalURL is an http(s) URL at the start of a JavaScript string literal.
var literalURL = regexp.MustCompile("['\"`](https?://[^'\"`\\s]+)")

// LiteralURL returns a *LiteralURLError when s has no JIRA_URL placeholder
// and a string literal that starts with an http(s) URL; nil otherwise. A
// script without either (one that builds its URLs from ctx) passes.
func (s Source) LiteralURL() error {
	if strings.Contains(s.Text, bridge.JIRAURLPlaceholder) {
		return nil
	}
	for _, loc := range literalURL.FindAllStringSubmatchIndex(s.Text, -1) {
		// Atlassian Cloud's API hosts are mapped to the mock (docs/fidelity.md
		// "Atlassian's hosts in test and run"): an OAuth 2.0 Cloud script names them.
		if u := s.Text[loc[2]:loc[3]]; !atlassianHost(u) {
			return &LiteralURLError{Script: s.Name, URL: u, Line: 1 + strings.Count(s.Text[:loc[2]], "\n")}
		}
	}
	return nil
}

// origin is the scheme and host of u: the part JIRA_URL most often stands for.
func origin(u string) string {
	rest := u[strings.Index(u, "://")+3:]
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		return u[:len(u)-len(rest)+i]
	}
	return u
}
