package jiramock

import (
	"encoding/json"
	"testing"

	"github.com/dghubble/oauth1"
)

// JIRA Server has no REST API v3 (Cloud does): a script calling it must fail
// on the mock's Server flavor as on a real server, with Jersey's 404.
func TestAPI3OnlyOnCloud(t *testing.T) {
	m := newMock(t, Config{})
	for _, tc := range []struct {
		name   string
		grant  Grant
		path   string
		status int
	}{
		{"server v3 myself", Grant{}, "/rest/api/3/myself", 404},
		{"server v3 user", Grant{}, "/rest/api/3/user?username=fred", 404},
		{"server v2 myself", Grant{}, "/rest/api/2/myself", 200},
		{"server latest myself", Grant{}, "/rest/api/latest/myself", 200},
		{"cloud v3 myself", Grant{Flavor: Cloud}, "/rest/api/3/myself", 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.grant.ConsumerKey = "auth0-jira"
			tok, sec, err := m.MintAccessToken(tc.grant)
			if err != nil {
				t.Fatal(err)
			}
			r := get(t, oauthClient(t, &oauth1.Config{}, tok, sec), m.URL()+tc.path)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			if tc.status == 404 {
				var got struct {
					Message string `json:"message"`
					Status  int    `json:"status-code"`
				}
				if err := json.Unmarshal([]byte(r.body), &got); err != nil || got.Message != "null for uri: "+m.URL()+tc.path || got.Status != 404 {
					t.Errorf("body %s, want Jersey's null for uri", r.body)
				}
			}
		})
	}
	// Anonymous: also 404 (the resource does not exist), not 401.
	if r := get(t, httpClient(), m.URL()+"/rest/api/3/myself"); r.status != 404 {
		t.Errorf("anonymous v3 on Server: %d %s", r.status, r.body)
	}
}
