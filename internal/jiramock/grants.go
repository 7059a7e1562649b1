package jiramock

import (
	"fmt"
	"time"
)

// world is what requests signed with one access token see: a flavor, a user,
// the users /rest/api/2/user can find, and the faults. Grants give each test
// case its own world on one shared server.
type world struct {
	flavor Flavor
	user   User
	users  []User
	faults Faults
}

// Grant mints an access token directly (no dance) for tests and `bridge test`.
// Requests signed with that token see the grant's own world: its flavor, its
// user, its faults. Many grants live side by side on one shared server
// (parallel cases).
type Grant struct {
	ConsumerKey string
	User        string // ID of a configured user, or "": the first user of the flavor
	UserObject  *User  // a user for this grant only (case files carry their own user); wins over User
	Flavor      Flavor // "": the server's flavor
	Faults      Faults // nil: the server's faults; non-nil replaces them
}

// MintAccessToken registers an access token for g, as if its user had
// approved the consumer in the dance. The token lives as long as JIRA's
// (oauth_expires_in, docs/jira.md "OAuth 1.0a provider").
func (s *Mock) MintAccessToken(g Grant) (token, secret string, err error) {
	if _, ok := s.consumers[g.ConsumerKey]; !ok {
		return "", "", fmt.Errorf("jiramock: grant: unknown consumer key %q: the mock knows %s", g.ConsumerKey, s.o1.consumerKeys())
	}
	w, err := s.grantWorld(g)
	if err != nil {
		return "", "", err
	}
	t := s.tokens.newAccess(g.ConsumerKey, w, s.now())
	return t.value, t.secret, nil
}

// grantWorld builds the world of a grant: its flavour, faults and user.
func (s *Mock) grantWorld(g Grant) (*world, error) {
	flavor := g.Flavor.orDefault(s.flavor)
	if _, err := ParseFlavor(string(flavor)); err != nil {
		return nil, fmt.Errorf("jiramock: grant: %w", err)
	}
	faults := s.faults
	if g.Faults != nil {
		if err := g.Faults.Validate(); err != nil {
			return nil, fmt.Errorf("jiramock: grant: %w", err)
		}
		faults = g.Faults
	}
	w := &world{flavor: flavor, faults: faults}
	switch {
	case g.UserObject != nil:
		if g.UserObject.ID() == "" {
			return nil, fmt.Errorf("jiramock: grant: the user object has neither name nor accountId")
		}
		w.user, w.users = *g.UserObject, []User{*g.UserObject}
	default:
		w.users = s.usersFor(flavor)
		u, ok := findUser(w.users, g.User)
		if !ok {
			return nil, fmt.Errorf("jiramock: grant: no %s user %q: the mock has %s", flavor, g.User, userIDs(w.users))
		}
		w.user = u
	}
	return w, nil
}

// findUser finds a user by ID; id "" means the first.
func findUser(users []User, id string) (User, bool) {
	if id == "" && len(users) > 0 {
		return users[0], true
	}
	for _, u := range users {
		if u.ID() == id {
			return u, true
		}
	}
	return User{}, false
}

func userIDs(users []User) string {
	s := ""
	for i, u := range users {
		if i > 0 {
			s += ", "
		}
		s += u.ID()
	}
	if s == "" {
		return "no users"
	}
	return s
}

// accessTokenLifetime is JIRA's oauth_expires_in, 5 years (docs/jira.md "OAuth 1.0a provider").
const accessTokenLifetime = 157680000 * time.Second
