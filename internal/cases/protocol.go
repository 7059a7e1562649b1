package cases

import (
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// OAuth2Token is what a case of protocol oauth2 says about its access token
// (the case file's "token"): the scopes granted and how long it lives. The
// zero value is the flavour's defaults (jiramock.DefaultOAuth2Scopes, its
// token lifetime).
type OAuth2Token struct {
	Scopes    []string      // nil: the flavour's default scopes
	ExpiresIn time.Duration // 0: the flavour's lifetime; negative: already expired
}

// tokenFile is the JSON shape of "token".
type tokenFile struct {
	Scopes    []string `json:"scopes"`
	ExpiresIn *string  `json:"expiresIn"`
}

// parseProtocol fills in c.Protocol and c.Token from the file's "protocol"
// and "token" (doc.go).
func parseProtocol(c *Case, f *file, at func(field, format string, args ...any) error) error {
	c.Protocol = script.ProtocolOAuth1
	if f.Protocol != nil {
		switch *f.Protocol {
		case script.ProtocolOAuth1, script.ProtocolOAuth2:
			c.Protocol = *f.Protocol
		default:
			return at("protocol", "protocol %q is unknown: use \"oauth1\" (the default) or \"oauth2\"", *f.Protocol)
		}
	}
	if f.Token == nil {
		return nil
	}
	if c.Protocol != script.ProtocolOAuth2 {
		return at("token", "token (scopes, expiresIn) is for an OAuth 2.0 access token: add \"protocol\": \"oauth2\" or remove it")
	}
	c.Token.Scopes = f.Token.Scopes
	if f.Token.ExpiresIn != nil {
		d, err := time.ParseDuration(*f.Token.ExpiresIn)
		if err != nil || d == 0 {
			return at("token.expiresIn", "expiresIn %q is not a duration: write e.g. \"1h\", or \"-1m\" for a token that has expired", *f.Token.ExpiresIn)
		}
		c.Token.ExpiresIn = d
	}
	return nil
}

// FilterProtocol keeps the cases of protocol p; "" keeps all.
func FilterProtocol(cs []*Case, p string) []*Case {
	if p == "" {
		return cs
	}
	var out []*Case
	for _, c := range cs {
		if c.Protocol == p {
			out = append(out, c)
		}
	}
	return out
}

// Protocols lists the protocols of cs, oauth1 before oauth2.
func Protocols(cs []*Case) []string {
	var has1, has2 bool
	for _, c := range cs {
		has1 = has1 || c.Protocol != script.ProtocolOAuth2
		has2 = has2 || c.Protocol == script.ProtocolOAuth2
	}
	var out []string
	if has1 {
		out = append(out, script.ProtocolOAuth1)
	}
	if has2 {
		out = append(out, script.ProtocolOAuth2)
	}
	return out
}
