package auth0fake

import (
	"encoding/json"
	"reflect"
	"testing"
)

// oauth2Options are the options of an oauth2 connection (Auth0's
// ConnectionOptionsOAuth2, docs/auth0.md "OAuth 2.0 connections"): a bool, a
// nested object and a nested script among them.
const oauth2Options = `{"client_id":"c","client_secret":"s","authorizationURL":"https://auth.atlassian.com/authorize",` +
	`"tokenURL":"https://auth.atlassian.com/oauth/token","scope":"read:me","pkce_enabled":false,` +
	`"authParams":{"audience":"api.atlassian.com","prompt":"consent"},"scripts":{"fetchUserProfile":"function(a, ctx, cb) {}"}}`

// The fake stores an oauth2 connection as it stores an oauth1 one: the create
// answer and a GET echo its options exactly, a PATCH replaces them wholesale,
// and the list by name finds it whatever its strategy.
func TestOAuth2Connection(t *testing.T) {
	s := New()
	defer s.Close()
	s.AddToken("all", AllScopes...)
	var want map[string]any
	if err := json.Unmarshal([]byte(oauth2Options), &want); err != nil {
		t.Fatal(err)
	}
	options := func(body string) map[string]any {
		t.Helper()
		var c struct {
			ID       string         `json:"id"`
			Strategy string         `json:"strategy"`
			Options  map[string]any `json:"options"`
		}
		if err := json.Unmarshal([]byte(body), &c); err != nil || c.Strategy != "oauth2" {
			t.Fatalf("connection %s (%v); want strategy oauth2", body, err)
		}
		return c.Options
	}

	status, body := do(t, s, "POST", "/api/v2/connections", "all", `{"name":"jira-oauth2","strategy":"oauth2","options":`+oauth2Options+`}`)
	if status != 201 || !reflect.DeepEqual(options(body), want) {
		t.Fatalf("create: %d %s; want 201 echoing the options", status, body)
	}
	var created struct{ ID string }
	_ = json.Unmarshal([]byte(body), &created)

	status, body = do(t, s, "GET", "/api/v2/connections?name=jira-oauth2", "all", "")
	var list []json.RawMessage
	if err := json.Unmarshal([]byte(body), &list); status != 200 || err != nil || len(list) != 1 || !reflect.DeepEqual(options(string(list[0])), want) {
		t.Fatalf("list: %d %s", status, body)
	}

	status, body = do(t, s, "PATCH", "/api/v2/connections/"+created.ID, "all", `{"options":{"client_id":"c2","pkce_enabled":true}}`)
	if got := options(body); status != 200 || !reflect.DeepEqual(got, map[string]any{"client_id": "c2", "pkce_enabled": true}) {
		t.Fatalf("PATCH: %d %s; want the options replaced wholesale", status, body)
	}
	if status, body = do(t, s, "GET", "/api/v2/connections/"+created.ID, "all", ""); status != 200 || len(options(body)) != 2 {
		t.Fatalf("GET after PATCH: %d %s", status, body)
	}
}
