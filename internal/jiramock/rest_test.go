package jiramock

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/dghubble/oauth1"
)

func TestRESTWithMintedToken(t *testing.T) {
	m := newMock(t, Config{})
	cases := []struct {
		name       string
		grant      Grant
		path       string
		status     int
		wantJSON   map[string]any // fields the answer must have
		wantAbsent []string       // fields it must not have
		header     map[string]string
	}{
		{name: "server session", grant: Grant{User: "fred"}, path: "/rest/auth/1/session", status: 200,
			wantJSON: map[string]any{"name": "fred", "self": m.URL() + "/rest/api/latest/user?username=fred"},
			header:   map[string]string{"X-AUSERNAME": "fred", "X-Seraph-LoginReason": "OK"}},
		{name: "server user by name", grant: Grant{User: "fred"}, path: "/rest/api/2/user?username=jdoe&expand=groups", status: 200,
			wantJSON: map[string]any{"key": "JIRAUSER10640", "displayName": "Jane Doe"}},
		{name: "server user by name, any case", grant: Grant{User: "fred"}, path: "/rest/api/2/user?username=JDoe", status: 200,
			wantJSON: map[string]any{"name": "jdoe"}},
		{name: "server user by key", grant: Grant{User: "fred"}, path: "/rest/api/2/user?key=JIRAUSER10640", status: 200,
			wantJSON: map[string]any{"name": "jdoe"}},
		{name: "server missing user", grant: Grant{User: "fred"}, path: "/rest/api/2/user?username=x", status: 404,
			wantJSON: map[string]any{"errorMessages": []any{"The user named 'x' does not exist"}, "errors": map[string]any{}}},
		{name: "server myself", grant: Grant{User: "jdoe"}, path: "/rest/api/2/myself", status: 200,
			wantJSON: map[string]any{"name": "jdoe", "emailAddress": "jane.doe@example.com"}},
		{name: "cloud session", grant: Grant{Flavor: Cloud, User: "5b10a2844c20165700ede21g"}, path: "/rest/auth/1/session", status: 200,
			wantJSON:   map[string]any{"self": m.URL() + "/rest/api/latest/user?accountId=5b10a2844c20165700ede21g"},
			wantAbsent: []string{"name"},
			header:     map[string]string{"X-AACCOUNTID": "5b10a2844c20165700ede21g", "X-Seraph-LoginReason": "OK"}},
		{name: "cloud username is GDPR", grant: Grant{Flavor: Cloud}, path: "/rest/api/2/user?username=mia", status: 400,
			wantJSON: map[string]any{"errorMessages": []any{"The query parameter 'username' is not supported in GDPR strict mode."}}},
		{name: "cloud user without accountId", grant: Grant{Flavor: Cloud}, path: "/rest/api/2/user?expand=groups", status: 400,
			wantJSON: map[string]any{"errorMessages": []any{"The 'accountId' query parameter needs to be provided"}, "errors": map[string]any{}}},
		{name: "cloud unknown accountId", grant: Grant{Flavor: Cloud}, path: "/rest/api/2/user?accountId=nobody", status: 404,
			wantJSON: map[string]any{"errorMessages": []any{"Specified user does not exist or you do not have required permissions"}}},
		{name: "cloud user by accountId", grant: Grant{Flavor: Cloud}, path: "/rest/api/2/user?accountId=557058:f58131cb-b67d-43c7-b30d-6b58d40bd077&expand=groups", status: 200,
			wantJSON: map[string]any{"displayName": "Private Person"}, wantAbsent: []string{"emailAddress", "name"}},
		{name: "cloud myself", grant: Grant{Flavor: Cloud, User: "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"}, path: "/rest/api/2/myself", status: 200,
			wantJSON: map[string]any{"accountId": "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"}, wantAbsent: []string{"emailAddress"}},
		{name: "grant's own user object", grant: Grant{UserObject: &User{Raw: []byte(`{"name":"solo","displayName":"Solo"}`), Name: "solo"}},
			path: "/rest/api/2/myself", status: 200, wantJSON: map[string]any{"name": "solo", "displayName": "Solo"},
			header: map[string]string{"X-AUSERNAME": "solo"}},
		{name: "grant's own user is the only one", grant: Grant{UserObject: &User{Raw: []byte(`{"name":"solo"}`), Name: "solo"}},
			path: "/rest/api/2/user?username=fred", status: 404},
	}
	for _, tc := range cases {
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
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			var got map[string]any
			if err := json.Unmarshal([]byte(r.body), &got); err != nil {
				t.Fatalf("body %q: %v", r.body, err)
			}
			for k, want := range tc.wantJSON {
				if g, _ := json.Marshal(got[k]); string(g) != mustJSON(want) {
					t.Errorf("%s = %s, want %s", k, g, mustJSON(want))
				}
			}
			for _, k := range tc.wantAbsent {
				if v, ok := got[k]; ok && v != "" {
					t.Errorf("%s = %v, want it absent or empty", k, v)
				}
			}
			for k, want := range tc.header {
				if g := r.header.Get(k); g != want {
					t.Errorf("header %s = %q, want %q", k, g, want)
				}
			}
			if log := m.RequestsFor(tok); len(log) != 1 || log[0].Verdict != VerdictOK || log[0].Status != tc.status || log[0].Consumer != "auth0-jira" {
				t.Errorf("log for the token: %+v", log)
			}
		})
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// The users are served verbatim: bytes as in the file.
func TestUserServedVerbatim(t *testing.T) {
	m := newMock(t, Config{})
	tok, sec, err := m.MintAccessToken(Grant{ConsumerKey: "auth0-jira", User: "fred"})
	if err != nil {
		t.Fatal(err)
	}
	r := get(t, oauthClient(t, &oauth1.Config{}, tok, sec), m.URL()+"/rest/api/2/myself")
	fred, _ := findUser(DefaultUsers(Server), "fred")
	if r.body != string(fred.Raw) {
		t.Errorf("body differs from the user file:\n%s\nwant\n%s", r.body, fred.Raw)
	}
}

func TestAnonymous(t *testing.T) {
	m := newMock(t, Config{})
	tok, _, _ := m.MintAccessToken(Grant{ConsumerKey: "auth0-jira"})
	for _, tc := range []struct{ name, path, auth string }{
		{"no header", "/rest/auth/1/session", ""},
		{"basic auth", "/rest/api/2/myself", "Basic Zm9vOmJhcg=="},
		// Five of the six parameters: not an OAuth call (docs/jira.md "OAuth 1.0a provider"), so anonymous.
		{"no signature", "/rest/auth/1/session", `OAuth oauth_consumer_key="auth0-jira", oauth_token="` + tok + `", oauth_signature_method="RSA-SHA1", oauth_timestamp="1", oauth_nonce="n"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.auth != "" {
				h.Set("Authorization", tc.auth)
			}
			r := do(t, http.DefaultClient, "GET", m.URL()+tc.path, h)
			if r.status != 401 || r.body != `{"errorMessages":["You are not authenticated. Authentication required to perform this operation."],"errors":{}}` {
				t.Errorf("%d %s", r.status, r.body)
			}
			if r.header.Get("WWW-Authenticate") != "" {
				t.Errorf("an anonymous call is not an OAuth failure: %q", r.header.Get("WWW-Authenticate"))
			}
		})
	}
	log := m.Requests()
	if len(log) != 3 || log[2].Verdict != VerdictAnonymous || log[2].Status != 401 || log[2].Token != "" {
		t.Errorf("log %+v", log)
	}
	if len(m.RequestsFor(tok)) != 0 {
		t.Error("an anonymous call was filed under a token")
	}
}

func TestMintAccessTokenErrors(t *testing.T) {
	m := newMock(t, Config{})
	for _, tc := range []struct {
		g    Grant
		want string
	}{
		{Grant{ConsumerKey: "nope"}, `unknown consumer key "nope"`},
		{Grant{ConsumerKey: "auth0-jira", User: "ghost"}, `no server user "ghost": the mock has fred, jdoe`},
		{Grant{ConsumerKey: "auth0-jira", Flavor: "dc"}, `unknown flavor "dc"`},
		{Grant{ConsumerKey: "auth0-jira", Faults: Faults{"nope": {}}}, `unknown fault endpoint "nope"`},
	} {
		if _, _, err := m.MintAccessToken(tc.g); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.g, err, tc.want)
		}
	}
}
