package connection

import (
	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// Secrets returns the secret values in b: the private key PEM.
func (b *Body) Secrets() []string { return []string{b.Options.ClientSecret} }

// Redactor hides b's secrets wherever they appear (whole, line by line, JSON
// escaped), e.g. a private key a custom script hard-coded.
func (b *Body) Redactor() *redact.Redactor { return redact.New(b.Secrets()...) }

// Redacted returns a copy of b with client_secret shown as "[REDACTED]" and
// every other appearance of a secret (say, in the script) masked too.
func (b *Body) Redacted() *Body {
	r := b.Redactor()
	c := *b
	c.Options.ClientSecret = redact.Mask
	c.Options.Scripts.FetchUserProfile = r.String(c.Options.Scripts.FetchUserProfile)
	c.Options.RequestTokenURL = r.String(c.Options.RequestTokenURL)
	c.Options.AccessTokenURL = r.String(c.Options.AccessTokenURL)
	c.Options.UserAuthorizationURL = r.String(c.Options.UserAuthorizationURL)
	return &c
}
