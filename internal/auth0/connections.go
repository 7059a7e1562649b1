package auth0

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
)

// Scopes of the Management API that publishing uses (docs/auth0.md "Management API" "Scopes").
const (
	ScopeCreateConnections        = "create:connections"
	ScopeReadConnections          = "read:connections"
	ScopeUpdateConnections        = "update:connections"
	ScopeReadConnectionsOptions   = "read:connections_options"
	ScopeUpdateConnectionsOptions = "update:connections_options"
)

// Connection is a connection as the Management API returns it. Only the fields
// publishing needs are decoded; Raw keeps the whole object, as received, for
// backups.
type Connection struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Strategy string `json:"strategy"`
	// Options is nil when the token lacks read:connections_options: GET then
	// omits options (docs/auth0.md "Management API" "Scopes").
	Options json.RawMessage `json:"options,omitempty"`
	Raw     json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes c and keeps the raw object.
func (c *Connection) UnmarshalJSON(data []byte) error {
	type plain Connection
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	*c = Connection(p)
	c.Raw = append(json.RawMessage(nil), data...)
	if bytes.Equal(bytes.TrimSpace(c.Options), []byte("null")) {
		c.Options = nil
	}
	return nil
}

// ConnectionUpdate is the body of PATCH /api/v2/connections/{id}. It has no
// name or strategy: Auth0 refuses them with 400 "Additional properties not
// allowed" (docs/auth0.md "Management API" "Update"). Options replaces the stored options
// wholesale, so it must be complete.
type ConnectionUpdate struct {
	Options json.RawMessage `json:"options,omitempty"`
}

// ListConnectionsByName returns the connections named name, whatever their
// strategy: GET /api/v2/connections?name=NAME. It is not filtered by strategy,
// so that a same-named connection of another strategy is seen (docs/auth0.md "Management API"
// "Find"). Both answer shapes are read: a bare array, and the include_totals
// object {"total","start","limit","connections":[…]}.
func (c *Client) ListConnectionsByName(ctx context.Context, name string) ([]Connection, error) {
	var raw json.RawMessage
	err := c.do(ctx, call{
		method: "GET", path: "/api/v2/connections", query: url.Values{"name": {name}},
		out: &raw, needs: []string{ScopeReadConnections},
	})
	if err != nil {
		return nil, err
	}
	var list []Connection
	if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] == '{' {
		var paged struct {
			Connections []Connection `json:"connections"`
		}
		err = json.Unmarshal(t, &paged)
		list = paged.Connections
	} else {
		err = json.Unmarshal(t, &list)
	}
	if err != nil {
		return nil, fmt.Errorf("auth0: GET /api/v2/connections?name=%s: reading the list: %v: %s", url.QueryEscape(name), err, snippet(raw))
	}
	// Auth0 matches the name exactly; keep only exact matches in case a
	// server treats it as a prefix or a search.
	out := list[:0]
	for _, conn := range list {
		if conn.Name == name {
			out = append(out, conn)
		}
	}
	return out, nil
}

// GetConnection reads one connection: GET /api/v2/connections/{id}.
func (c *Client) GetConnection(ctx context.Context, id string) (*Connection, error) {
	var conn Connection
	err := c.do(ctx, call{
		method: "GET", path: connPath(id), out: &conn,
		needs: []string{ScopeReadConnections, ScopeReadConnectionsOptions},
	})
	if err != nil {
		return nil, err
	}
	return &conn, nil
}

// CreateConnection sends POST /api/v2/connections with body, the complete
// connection ({"name","strategy","options"}), and returns what Auth0 stored
// (201, docs/auth0.md "Management API" "Create"). A same-named connection gives 409
// connection_conflict.
func (c *Client) CreateConnection(ctx context.Context, body json.RawMessage) (*Connection, error) {
	var conn Connection
	err := c.do(ctx, call{
		method: "POST", path: "/api/v2/connections", body: body, out: &conn,
		needs: []string{ScopeCreateConnections},
	})
	if err != nil {
		return nil, err
	}
	return &conn, nil
}

// UpdateConnection sends PATCH /api/v2/connections/{id} with u and returns the
// updated connection.
func (c *Client) UpdateConnection(ctx context.Context, id string, u ConnectionUpdate) (*Connection, error) {
	var conn Connection
	needs := []string{ScopeUpdateConnections}
	if u.Options != nil {
		needs = append(needs, ScopeUpdateConnectionsOptions)
	}
	err := c.do(ctx, call{method: "PATCH", path: connPath(id), body: u, out: &conn, needs: needs})
	if err != nil {
		return nil, err
	}
	return &conn, nil
}

// DescribeUpdate returns the PATCH UpdateConnection would send, for --dry-run.
func (c *Client) DescribeUpdate(id string, u ConnectionUpdate) (Request, error) {
	return c.Describe("PATCH", connPath(id), nil, u)
}

// DescribeCreate returns the POST CreateConnection would send, for --dry-run.
func (c *Client) DescribeCreate(body json.RawMessage) (Request, error) {
	return c.Describe("POST", "/api/v2/connections", nil, body)
}

func connPath(id string) string { return "/api/v2/connections/" + url.PathEscape(id) }
