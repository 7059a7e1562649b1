package publish

import (
	"fmt"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
)

// strategyMismatch is the error of find when the connection named as the body
// has another strategy. Auth0 cannot change a connection's strategy (a PATCH
// may not carry it, docs/auth0.md "Find, update, clients"), and the users who
// logged in through it keep identities of that connection, so bridge never
// deletes or overwrites it. Between oauth1 and oauth2 the way forward is a new
// connection and a migration of the users (docs/migration.md).
func strategyMismatch(c auth0.Connection, want string) error {
	base := fmt.Errorf("%w: %s (%s) has strategy %q, not %q", ErrOtherStrategy, c.Name, c.ID, c.Strategy, want)
	switch {
	case c.Strategy == "oauth1" && want == "oauth2":
		return fmt.Errorf("%w. Auth0 cannot change a connection's strategy, and the users of %s are tied to it: publish the OAuth 2.0 connection under a new name (choose another --name, e.g. %s-oauth2), enable it for your applications, then move the users as docs/migration.md describes; delete %s only once they have moved",
			base, c.Name, c.Name, c.Name)
	case c.Strategy == "oauth2" && want == "oauth1":
		return fmt.Errorf("%w. Auth0 cannot change a connection's strategy, and the users of %s are tied to it: to publish OAuth 1.0a, choose another --name (e.g. %s-oauth1); docs/migration.md says what a change of protocol means for the users",
			base, c.Name, c.Name)
	}
	return fmt.Errorf("%w: choose another --name, or delete or rename that connection in the Auth0 dashboard", base)
}
