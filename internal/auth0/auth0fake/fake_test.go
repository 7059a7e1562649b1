package auth0fake

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func do(t *testing.T, s *Server, method, path, token, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, s.URL()+path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, strings.TrimSpace(string(data))
}

func TestScopesAndShapes(t *testing.T) {
	s := New()
	defer s.Close()
	s.AddToken("all", AllScopes...)
	s.AddToken("noopts", "read:connections", "update:connections")
	id := s.Seed(`{"name":"jira","strategy":"oauth1","options":{"a":1,"scripts":{"x":"y"}}}`)

	cases := []struct {
		name, method, path, token, body string
		status                          int
		want                            string
	}{
		{"no token", "GET", "/api/v2/connections", "", "", 401, `"message":"Missing authentication"`},
		{"bad token", "GET", "/api/v2/connections", "nope", "", 401, `"message":"Invalid token"`},
		{"GET with options", "GET", "/api/v2/connections/" + id, "all", "", 200, `"options":{"a":1,"scripts":{"x":"y"}}`},
		{"GET omits options", "GET", "/api/v2/connections/" + id, "noopts", "", 200, `"strategy":"oauth1"`},
		{"create needs scope", "POST", "/api/v2/connections", "noopts", `{"name":"x","strategy":"oauth1"}`, 403, `"message":"Insufficient scope, expected any of: create:connections","errorCode":"insufficient_scope"`},
		{"PATCH options needs scope", "PATCH", "/api/v2/connections/" + id, "noopts", `{"options":{}}`, 403, `expected any of: update:connections_options`},
		{"PATCH name/strategy", "PATCH", "/api/v2/connections/" + id, "all", `{"name":"jira","strategy":"oauth1","options":{}}`, 400, `"message":"Payload validation error: 'Additional properties not allowed: strategy,name'.","errorCode":"invalid_body"`},
		{"PATCH unknown", "PATCH", "/api/v2/connections/con_zzzzzzzzzzzzzzzz", "all", `{"options":{}}`, 404, `"message":"The connection does not exist","errorCode":"inexistent_connection"`},
		{"create conflict", "POST", "/api/v2/connections", "all", `{"name":"jira","strategy":"oauth1"}`, 409, `"errorCode":"connection_conflict"`},
		{"create bad name", "POST", "/api/v2/connections", "all", `{"name":"-x","strategy":"oauth1"}`, 400, `invalid_body`},
		{"PATCH replaces options wholesale", "PATCH", "/api/v2/connections/" + id, "all", `{"options":{"b":2}}`, 200, `"options":{"b":2}`},
		{"list totals", "GET", "/api/v2/connections?name=jira&include_totals=true", "all", "", 200, `"total":1`},
	}
	for _, c := range cases {
		status, body := do(t, s, c.method, c.path, c.token, c.body)
		if status != c.status || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d %s; want %d with %s", c.name, status, body, c.status, c.want)
		}
		if c.name == "GET omits options" && strings.Contains(body, "options") {
			t.Errorf("%s: body %s shows options", c.name, body)
		}
	}
	// The list is by name alone unless the client filters by strategy.
	_, body := do(t, s, "GET", "/api/v2/connections?name=jira&strategy=oauth2", "all", "")
	if body != "[]" {
		t.Errorf("strategy filter: %s; want []", body)
	}
}

func TestCreateShape(t *testing.T) {
	s := New()
	defer s.Close()
	s.AddToken("all", AllScopes...)
	status, body := do(t, s, "POST", "/api/v2/connections", "all", `{"name":"jira","strategy":"oauth1","options":{"client_id":"k"}}`)
	var c map[string]any
	if err := json.Unmarshal([]byte(body), &c); err != nil || status != 201 {
		t.Fatalf("%d %s", status, body)
	}
	id, _ := c["id"].(string)
	if len(id) != 20 || !strings.HasPrefix(id, "con_") || strings.Trim(id[4:], alnum) != "" {
		t.Errorf("id %q; want con_<16 alnum>", id)
	}
	if c["is_domain_connection"] != false || c["realms"].([]any)[0] != "jira" || c["options"].(map[string]any)["client_id"] != "k" {
		t.Errorf("create answer %s", body)
	}
}

func TestToken(t *testing.T) {
	s := New()
	defer s.Close()
	s.AddClient("cid", "csecret", "read:connections")
	post := func(form url.Values) (int, string) {
		resp, err := http.PostForm(s.URL()+"/oauth/token", form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	good := url.Values{"grant_type": {"client_credentials"}, "client_id": {"cid"}, "client_secret": {"csecret"}, "audience": {s.URL() + "/api/v2/"}}
	status, body := post(good)
	var tok struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
		TokenType   string `json:"token_type"`
	}
	if json.Unmarshal([]byte(body), &tok); status != 200 || tok.ExpiresIn != 86400 || tok.TokenType != "Bearer" || !strings.HasPrefix(tok.AccessToken, "eyJ") {
		t.Fatalf("%d %s", status, body)
	}
	if st, _ := do(t, s, "GET", "/api/v2/connections", tok.AccessToken, ""); st != 200 {
		t.Errorf("the minted token is refused: %d", st)
	}
	if st, b := do(t, s, "POST", "/api/v2/connections", tok.AccessToken, `{"name":"a","strategy":"oauth1"}`); st != 403 {
		t.Errorf("the minted token is not scoped: %d %s", st, b)
	}
	bad := url.Values{"grant_type": {"client_credentials"}, "client_id": {"cid"}, "client_secret": {"nope"}, "audience": {s.URL() + "/api/v2/"}}
	if st, b := post(bad); st != 401 || !strings.Contains(b, "access_denied") {
		t.Errorf("bad secret: %d %s", st, b)
	}
	wrongAud := url.Values{"grant_type": {"client_credentials"}, "client_id": {"cid"}, "client_secret": {"csecret"}, "audience": {"https://other/api/v2/"}}
	if st, b := post(wrongAud); st != 403 || !strings.Contains(b, "Service not enabled") {
		t.Errorf("wrong audience: %d %s", st, b)
	}
	for _, r := range s.Requests() {
		if strings.Contains(r.Body, "csecret") {
			t.Errorf("the log holds the client secret: %+v", r)
		}
	}
}

func TestClientsPaging(t *testing.T) {
	s := New()
	defer s.Close()
	s.AddToken("all", AllScopes...)
	id := s.Seed(`{"name":"jira","strategy":"oauth1"}`)
	s.EnableClients(id, "a", "b", "c")
	_, body := do(t, s, "GET", "/api/v2/connections/"+id+"/clients?take=2", "all", "")
	var page struct {
		Clients []map[string]string `json:"clients"`
		Next    string              `json:"next"`
	}
	_ = json.Unmarshal([]byte(body), &page)
	if len(page.Clients) != 2 || page.Next == "" {
		t.Fatalf("page 1: %s", body)
	}
	_, body = do(t, s, "GET", "/api/v2/connections/"+id+"/clients?take=2&from="+page.Next, "all", "")
	if body != `{"clients":[{"client_id":"c"}]}` {
		t.Errorf("page 2: %s", body)
	}
	if st, _ := do(t, s, "PATCH", "/api/v2/connections/"+id+"/clients", "all", `[{"client_id":"b","status":false},{"client_id":"d","status":true}]`); st != 204 {
		t.Errorf("PATCH clients: %d", st)
	}
	if got := strings.Join(s.EnabledClients(id), ","); got != "a,c,d" {
		t.Errorf("enabled = %s; want a,c,d", got)
	}
	if st, _ := do(t, s, "PATCH", "/api/v2/connections/"+id+"/clients", "all", `[{"client_id":"x"}]`); st != 400 {
		t.Errorf("PATCH without status: %d; want 400", st)
	}
}
