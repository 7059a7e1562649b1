package publish

import (
	"context"
	"fmt"
)

// EnabledClientsWarning returns a warning when the connection of res ends
// with no enabled client: then no application can log in with it (Auth0
// creates a connection with "enabled_clients": [], docs/auth0.md "Management
// API" "Create"). It reads the enabled clients (GET …/clients) of a
// connection that exists; for a dry-run create it counts the clients the
// run would enable. "" = at least one client is (or would be) enabled.
func EnabledClientsWarning(ctx context.Context, client Tenant, res *Result) (string, error) {
	if res == nil {
		return "", nil
	}
	n := len(res.EnabledClientsAdded)
	if n == 0 && res.ConnectionID != "" && !(res.DryRun && res.Action == Created) {
		ids, err := client.GetEnabledClients(ctx, res.ConnectionID)
		if err != nil {
			return "", fmt.Errorf("publish: reading the enabled clients of %s (%s): %w", res.Name, res.ConnectionID, err)
		}
		n = len(ids)
	}
	if n > 0 {
		return "", nil
	}
	verb := "has"
	if res.DryRun {
		verb = "would have"
	}
	return fmt.Sprintf("connection %s %s no enabled clients, so no application can use it: pass --enabled-clients CLIENT_ID[,…] (the applications' client IDs), or enable it under Applications in the Auth0 dashboard", res.Name, verb), nil
}
