package auth0

import (
	"context"
	"net/url"
	"strconv"
)

// clientsPageSize is the take of GET …/clients (Auth0 default 50, max 1000).
const clientsPageSize = 50

// clientsPatchBatch bounds the items of one PATCH …/clients: "the limit per
// PATCH request is 50 clients" (Management API reference,
// https://auth0.com/docs/api/management/v2/connections/patch-clients).
const clientsPatchBatch = 50

// EnabledClient is one item of PATCH /api/v2/connections/{id}/clients.
type EnabledClient struct {
	ClientID string `json:"client_id"`
	Status   bool   `json:"status"`
}

// GetEnabledClients lists the IDs of the clients the connection is enabled for:
// GET /api/v2/connections/{id}/clients, paged with take (1-1000, default 50)
// and from=<next of the previous page>, until an answer has no next. docs/auth0.md
// once said "paged with take and next"; next is only the answer's field: the
// query parameter is from (Management API reference,
// https://auth0.com/docs/api/management/v2/connections/get-connection-clients:
// "omit the from parameter" the first time; go-auth0's and node-auth0's
// GetConnectionEnabledClientsRequestParameters have Take and From).
func (c *Client) GetEnabledClients(ctx context.Context, id string) ([]string, error) {
	var ids []string
	from := ""
	for page := 0; ; page++ {
		q := url.Values{"take": {strconv.Itoa(clientsPageSize)}}
		if from != "" {
			q.Set("from", from)
		}
		var ans struct {
			Clients []struct {
				ClientID string `json:"client_id"`
			} `json:"clients"`
			Next string `json:"next"`
		}
		err := c.do(ctx, call{
			method: "GET", path: connPath(id) + "/clients", query: q, out: &ans,
			needs: []string{ScopeReadConnections},
		})
		if err != nil {
			return nil, err
		}
		for _, cl := range ans.Clients {
			ids = append(ids, cl.ClientID)
		}
		// Stop on the last page, and on a server that repeats its cursor.
		if ans.Next == "" || ans.Next == from || len(ans.Clients) == 0 || page > 10000 {
			return ids, nil
		}
		from = ans.Next
	}
}

// SetEnabledClients enables (status true) or disables (false) the connection
// for clients: PATCH /api/v2/connections/{id}/clients with
// [{"client_id","status"}] (204), never the deprecated enabled_clients field
// (docs/auth0.md "Management API"). Large lists go in batches of 50.
func (c *Client) SetEnabledClients(ctx context.Context, id string, items []EnabledClient) error {
	for start := 0; start < len(items); start += clientsPatchBatch {
		batch := items[start:min(start+clientsPatchBatch, len(items))]
		err := c.do(ctx, call{
			method: "PATCH", path: connPath(id) + "/clients", body: batch,
			needs: []string{ScopeUpdateConnections},
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// DescribeSetEnabledClients returns the PATCHes SetEnabledClients would send.
func (c *Client) DescribeSetEnabledClients(id string, items []EnabledClient) ([]Request, error) {
	var out []Request
	for start := 0; start < len(items); start += clientsPatchBatch {
		r, err := c.Describe("PATCH", connPath(id)+"/clients", nil, items[start:min(start+clientsPatchBatch, len(items))])
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}
