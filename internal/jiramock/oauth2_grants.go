package jiramock

import (
	"fmt"
	"time"

	"golang.org/x/oauth2"
)

// OAuth2Grant mints an OAuth 2.0 access token directly (no dance) for tests
// and `bridge test`, as Grant does for OAuth 1.0a: calls with the token see
// the grant's own world (flavour, user, faults) and its scopes and expiry.
type OAuth2Grant struct {
	User       string        // ID of a configured user, or "": the first user of the flavour
	UserObject *User         // a user for this grant only; wins over User
	Flavor     Flavor        // "": the server's flavour; decides where the token works (site REST or api.atlassian.com)
	Faults     Faults        // nil: the server's faults; non-nil replaces them
	Scopes     []string      // nil: DefaultOAuth2Scopes(Flavor); each must be a scope of the flavour
	ExpiresIn  time.Duration // 0: the flavour's lifetime; negative: already expired (an expired-token case)
}

// MintOAuth2Token registers an access token and a refresh token for g. The
// refresh token works at the flavour's token endpoint with the mock's
// client.
func (s *Mock) MintOAuth2Token(g OAuth2Grant) (*oauth2.Token, error) {
	flavor := g.Flavor.orDefault(s.flavor)
	w, err := s.grantWorld(Grant{User: g.User, UserObject: g.UserObject, Flavor: flavor, Faults: g.Faults})
	if err != nil {
		return nil, err
	}
	scopes := g.Scopes
	if scopes == nil {
		scopes = DefaultOAuth2Scopes(flavor)
	}
	for _, sc := range scopes {
		if !knownScope(flavor, sc) {
			return nil, fmt.Errorf("jiramock: grant: %q is not a %s OAuth 2.0 scope", sc, flavor)
		}
	}
	life := g.ExpiresIn
	if life == 0 {
		life = accessLifetime(flavor)
	}
	now := s.now()
	at, rt := s.o2.store.mint(w, append([]string(nil), scopes...), life, true, now)
	return &oauth2.Token{AccessToken: at.value, TokenType: "Bearer", RefreshToken: rt.value, Expiry: now.Add(life)}, nil
}

// OAuth2Client is the OAuth 2.0 client the mock trusts.
func (s *Mock) OAuth2Client() OAuth2Client { return s.o2.client }
