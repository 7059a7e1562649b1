package connection

import "github.com/jira-auth0-bridge/bridge/internal/redact"

// Built is a connection body of either protocol, *Body (oauth1) or
// *OAuth2Body, as `bridge connection` prints it and `bridge publish` sends it.
type Built interface {
	JSON() []byte                  // the exact POST /api/v2/connections body
	Indent() []byte                // indented, ending in a newline
	HAR(baseURL string) HARRequest // the POST as a HAR request, with the body as it is
	Secrets() []string             // the secret values the body holds
	Redactor() *redact.Redactor    // hides Secrets wherever they appear
	Masked() Built                 // a copy with its secrets shown as "[REDACTED]"
}

var (
	_ Built = (*Body)(nil)
	_ Built = (*OAuth2Body)(nil)
)

// Masked is Redacted, as a Built.
func (b *Body) Masked() Built { return b.Redacted() }

// Masked is Redacted, as a Built.
func (b *OAuth2Body) Masked() Built { return b.Redacted() }
