package auth0

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/auth0/auth0fake"
)

func TestClientCredentials(t *testing.T) {
	fake := auth0fake.New()
	defer fake.Close()
	fake.AddClient("m2m-client", "m2m-secret-0123456789", auth0fake.AllScopes...)
	tenant, _ := ParseTenant(fake.URL())

	c, err := New(tenant, Credentials{ClientID: "m2m-client", ClientSecret: "m2m-secret-0123456789"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(fake.Requests()) != 0 {
		t.Fatalf("New sent requests: %v", fake.Requests())
	}
	for range 2 {
		if _, err := c.ListConnectionsByName(context.Background(), "jira"); err != nil {
			t.Fatal(err)
		}
	}
	var tokenCalls int
	for _, r := range fake.Requests() {
		if r.Path == "/oauth/token" {
			tokenCalls++
		}
	}
	if tokenCalls != 1 {
		t.Errorf("token endpoint called %d times; want 1 (the token is reused)", tokenCalls)
	}

	bad, _ := New(tenant, Credentials{ClientID: "m2m-client", ClientSecret: "wrong-secret-xyz"}, nil)
	_, err = bad.ListConnectionsByName(context.Background(), "jira")
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != 401 || ae.Path != "/oauth/token" || ae.Err != "access_denied" {
		t.Fatalf("wrong secret: err = %#v; want an APIError 401 access_denied from /oauth/token", err)
	}
	if strings.Contains(err.Error(), "wrong-secret-xyz") {
		t.Errorf("error shows the client secret: %v", err)
	}
	// No token was issued: neither --api-token nor a scope is to blame, the
	// client credentials are, and the message says what to check.
	msg := err.Error()
	for _, want := range []string{"refused the client credentials", "--client-id", "AUTH0_CLIENT_ID", "--client-secret", "AUTH0_CLIENT_SECRET", "machine-to-machine", "Management API", "current"} {
		if !strings.Contains(msg, want) {
			t.Errorf("wrong secret: error %q does not say %q", msg, want)
		}
	}
	for _, wrong := range []string{"--api-token", "read:connections", "scope"} {
		if strings.Contains(msg, wrong) {
			t.Errorf("wrong secret: error %q blames %q", msg, wrong)
		}
	}

	unknown, _ := New(tenant, Credentials{ClientID: "no-such-client", ClientSecret: "m2m-secret-0123456789"}, nil)
	_, err = unknown.ListConnectionsByName(context.Background(), "jira")
	if !IsStatus(err, 401) || !strings.Contains(err.Error(), "refused the client credentials") || strings.Contains(err.Error(), "--api-token") {
		t.Errorf("unknown client id: err = %v; want the client credentials refused", err)
	}
}

func TestCredentialsCheck(t *testing.T) {
	cases := []struct {
		cr   Credentials
		want string
	}{
		{Credentials{APIToken: "t"}, ""},
		{Credentials{ClientID: "a", ClientSecret: "b"}, ""},
		{Credentials{}, "no credentials"},
		{Credentials{APIToken: "t", ClientID: "a"}, "not both"},
		{Credentials{ClientID: "a"}, "--client-id needs --client-secret"},
		{Credentials{ClientSecret: "b"}, "--client-secret needs --client-id"},
	}
	for _, c := range cases {
		err := c.cr.Check()
		if (c.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.want)) {
			t.Errorf("Check(%+v) = %v; want %q", c.cr, err, c.want)
		}
	}
}

func TestListConnectionsByName(t *testing.T) {
	fake, c, _, _ := setup(t, auth0fake.AllScopes...)
	fake.Seed(`{"name":"jira","strategy":"oauth2","options":{"x":1}}`)
	fake.Seed(`{"name":"jira-2","strategy":"oauth1","options":{}}`)

	got, err := c.ListConnectionsByName(context.Background(), "jira")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Strategy != "oauth2" || !strings.HasPrefix(got[0].ID, "con_") || string(got[0].Options) != `{"x":1}` {
		t.Fatalf("got %+v; want the oauth2 connection named jira", got)
	}
	last := fake.Requests()[len(fake.Requests())-1]
	if last.Query != "name=jira" {
		t.Errorf("query = %q; want name=jira alone (never filtered by strategy, docs/auth0.md, Management API)", last.Query)
	}

	// The include_totals shape is read too.
	paged := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"total":1,"start":0,"limit":50,"connections":[{"id":"con_AAAAAAAAAAAAAAAA","name":"jira","strategy":"oauth1"}]}`))
	}))
	defer paged.Close()
	pc := &Client{BaseURL: paged.URL}
	got, err = pc.ListConnectionsByName(context.Background(), "jira")
	if err != nil || len(got) != 1 || got[0].ID != "con_AAAAAAAAAAAAAAAA" || got[0].Options != nil {
		t.Fatalf("include_totals shape: got %+v, %v", got, err)
	}
}

func TestCreateGetUpdate(t *testing.T) {
	fake, c, _, _ := setup(t, auth0fake.AllScopes...)
	ctx := context.Background()
	created, err := c.CreateConnection(ctx, json.RawMessage(jiraBody))
	if err != nil {
		t.Fatal(err)
	}
	if len(created.ID) != len("con_")+16 || created.Name != "jira" || !strings.Contains(string(created.Options), "auth0-jira") {
		t.Fatalf("created = %+v", created)
	}
	var raw map[string]any
	_ = json.Unmarshal(created.Raw, &raw)
	if raw["is_domain_connection"] != false || len(raw["realms"].([]any)) != 1 {
		t.Errorf("create answer = %s; want is_domain_connection false and realms [jira]", created.Raw)
	}

	_, err = c.CreateConnection(ctx, json.RawMessage(jiraBody))
	if !IsStatus(err, 409) {
		t.Fatalf("second create: %v; want 409", err)
	}
	if ae, _ := asAPIError(err); ae.ErrorCode != "connection_conflict" {
		t.Errorf("errorCode = %q", ae.ErrorCode)
	}

	upd, err := c.UpdateConnection(ctx, created.ID, ConnectionUpdate{Options: json.RawMessage(`{"client_id":"k2"}`)})
	if err != nil {
		t.Fatal(err)
	}
	if string(upd.Options) != `{"client_id":"k2"}` {
		t.Errorf("PATCH answer options = %s; want them replaced wholesale", upd.Options)
	}
	patch := fake.Writes()[len(fake.Writes())-1]
	if strings.Contains(patch.Body, `"name"`) || strings.Contains(patch.Body, `"strategy"`) {
		t.Errorf("PATCH body %s carries name or strategy", patch.Body)
	}
	got, err := c.GetConnection(ctx, created.ID)
	if err != nil || string(got.Options) != `{"client_id":"k2"}` {
		t.Fatalf("GET after PATCH = %+v, %v", got, err)
	}
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name   string
		scopes []string
		run    func(c *Client, id string) error
		status int
		says   []string
	}{
		{"403 create", []string{"read:connections"}, func(c *Client, _ string) error {
			_, err := c.CreateConnection(ctx, json.RawMessage(jiraBody))
			return err
		}, 403, []string{"Insufficient scope, expected any of: create:connections", "insufficient_scope", "lacks the scope create:connections"}},
		{"403 read", []string{"create:connections"}, func(c *Client, _ string) error {
			_, err := c.ListConnectionsByName(ctx, "jira")
			return err
		}, 403, []string{"lacks the scope read:connections"}},
		{"403 update", []string{"read:connections"}, func(c *Client, id string) error {
			_, err := c.UpdateConnection(ctx, id, ConnectionUpdate{Options: json.RawMessage(`{}`)})
			return err
		}, 403, []string{"lacks the scope update:connections"}},
		{"403 update options", []string{"update:connections"}, func(c *Client, id string) error {
			_, err := c.UpdateConnection(ctx, id, ConnectionUpdate{Options: json.RawMessage(`{}`)})
			return err
		}, 403, []string{"lacks the scope update:connections_options"}},
		{"404", auth0fake.AllScopes, func(c *Client, _ string) error {
			_, err := c.GetConnection(ctx, "con_0000000000000000")
			return err
		}, 404, []string{"The connection does not exist", "inexistent_connection"}},
		{"400", auth0fake.AllScopes, func(c *Client, _ string) error {
			_, err := c.CreateConnection(ctx, json.RawMessage(`{"name":"bad name","strategy":"oauth1"}`))
			return err
		}, 400, []string{"Payload validation error", "invalid_body"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fake, c, _, _ := setup(t, tc.scopes...)
			id := fake.Seed(`{"name":"jira","strategy":"oauth1","options":{}}`)
			err := tc.run(c, id)
			var ae *APIError
			if !errors.As(err, &ae) || ae.StatusCode != tc.status {
				t.Fatalf("err = %v; want APIError %d", err, tc.status)
			}
			for _, s := range tc.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not say %q", err, s)
				}
			}
		})
	}

	t.Run("401", func(t *testing.T) {
		fake, _, _, _ := setup(t)
		tenant, _ := ParseTenant(fake.URL())
		c, _ := New(tenant, Credentials{APIToken: "not-a-known-token"}, nil)
		_, err := c.ListConnectionsByName(ctx, "jira")
		if !IsStatus(err, 401) || !strings.Contains(err.Error(), "Invalid token") || !strings.Contains(err.Error(), "needs the scope read:connections") {
			t.Fatalf("err = %v; want 401 Invalid token naming read:connections", err)
		}
		if strings.Contains(err.Error(), "not-a-known-token") {
			t.Errorf("error shows the token: %v", err)
		}
	})

	t.Run("other status shows message and errorCode", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusTeapot)
			_, _ = w.Write([]byte(`{"statusCode":418,"error":"I'm a teapot","message":"Tenant is read-only","errorCode":"tenant_read_only"}`))
		}))
		defer srv.Close()
		_, err := (&Client{BaseURL: srv.URL}).GetConnection(ctx, "con_x")
		want := "auth0: GET /api/v2/connections/con_x: 418 I'm a teapot: Tenant is read-only (errorCode tenant_read_only)"
		if err == nil || err.Error() != want {
			t.Fatalf("err = %v; want %q", err, want)
		}
		var ae *APIError
		if !errors.As(err, &ae) || ae.StatusCode != http.StatusTeapot || ae.ErrorCode != "tenant_read_only" || ae.Message != "Tenant is read-only" {
			t.Errorf("err = %#v; want an *APIError with status 418, errorCode tenant_read_only", err)
		}
	})
}

func TestMissingScopes(t *testing.T) {
	cases := map[string][]string{
		"Insufficient scope, expected any of: create:connections":                        {"create:connections"},
		"Insufficient scope, expected any of: read:connections,read:connections_options": {"read:connections", "read:connections_options"},
		"Insufficient scope, expected all of: a:b, c:d":                                  {"a:b", "c:d"},
		"Forbidden": nil,
	}
	for msg, want := range cases {
		if got := (&APIError{Message: msg}).MissingScopes(); !slices.Equal(got, want) {
			t.Errorf("MissingScopes(%q) = %q; want %q", msg, got, want)
		}
	}
}

func TestRetry(t *testing.T) {
	ctx := context.Background()
	t.Run("429 honours Retry-After", func(t *testing.T) {
		fake, c, clock, _ := setup(t, auth0fake.AllScopes...)
		fake.Fail("GET", "/api/v2/connections", 2, auth0fake.Fault{Status: 429, RetryAfter: "7"})
		if _, err := c.ListConnectionsByName(ctx, "jira"); err != nil {
			t.Fatal(err)
		}
		if got := clock.Sleeps(); !slices.Equal(got, []time.Duration{7 * time.Second, 7 * time.Second}) {
			t.Errorf("slept %v; want [7s 7s]", got)
		}
		if n := len(fake.Requests()); n != 3 {
			t.Errorf("%d requests; want 3", n)
		}
	})
	t.Run("429 honours x-ratelimit-reset", func(t *testing.T) {
		fake, c, clock, _ := setup(t, auth0fake.AllScopes...)
		// The fake's clock stands still at the client's start time.
		fake.Fail("GET", "/api/v2/connections", 1, auth0fake.Fault{Status: 429, ResetIn: 3 * time.Second})
		if _, err := c.ListConnectionsByName(ctx, "jira"); err != nil {
			t.Fatal(err)
		}
		if got := clock.Sleeps(); !slices.Equal(got, []time.Duration{3 * time.Second}) {
			t.Errorf("slept %v; want [3s]", got)
		}
	})
	t.Run("500 bounded attempts with backoff", func(t *testing.T) {
		fake, c, clock, _ := setup(t, auth0fake.AllScopes...)
		fake.Fail("", "", 100, auth0fake.Fault{Status: 500})
		_, err := c.ListConnectionsByName(ctx, "jira")
		var ae *APIError
		if !errors.As(err, &ae) || ae.StatusCode != 500 || ae.Attempts != 5 {
			t.Fatalf("err = %v; want APIError 500 after 5 attempts", err)
		}
		if !strings.Contains(err.Error(), "after 5 attempts") {
			t.Errorf("error %q does not say how many attempts", err)
		}
		if n := len(fake.Requests()); n != 5 {
			t.Errorf("%d requests; want 5", n)
		}
		// Jitter fixed at 0.5: 3/4 of 0.5s, 1s, 2s, 4s.
		want := []time.Duration{375 * time.Millisecond, 750 * time.Millisecond, 1500 * time.Millisecond, 3 * time.Second}
		if got := clock.Sleeps(); !slices.Equal(got, want) {
			t.Errorf("slept %v; want %v", got, want)
		}
	})
	t.Run("total time bounded", func(t *testing.T) {
		fake, c, clock, _ := setup(t, auth0fake.AllScopes...)
		c.Retry.MaxElapsed = 10 * time.Second
		fake.Fail("", "", 100, auth0fake.Fault{Status: 429, RetryAfter: "6"})
		_, err := c.ListConnectionsByName(ctx, "jira")
		if !IsStatus(err, 429) {
			t.Fatalf("err = %v; want 429", err)
		}
		if got := clock.Sleeps(); len(got) != 1 || len(fake.Requests()) != 2 {
			t.Errorf("slept %v over %d requests; want one 6s wait, then give up (12s > 10s budget)", got, len(fake.Requests()))
		}
	})
	t.Run("4xx not retried", func(t *testing.T) {
		fake, c, clock, _ := setup(t, "read:connections")
		_, err := c.CreateConnection(ctx, json.RawMessage(jiraBody))
		if !IsStatus(err, 403) || len(fake.Requests()) != 1 || len(clock.Sleeps()) != 0 {
			t.Fatalf("err = %v, %d requests; want one 403", err, len(fake.Requests()))
		}
	})
	t.Run("hang is retried", func(t *testing.T) {
		// Deterministic under load: the first attempt hangs until its own
		// AttemptTimeout context ends (the fault waits on the request's
		// context, no fixed sleep); the second, healthy attempt waits for
		// the hang to be over at the fake and runs with its deadline lifted
		// by the test's transport, so a slow machine cannot make it time
		// out too. The 1s timeout leaves the first request ample time to
		// reach the fake. Each attempt's deadline is checked to be a fresh
		// one of AttemptTimeout.
		fake, c, _, log := setup(t, auth0fake.AllScopes...)
		const timeout = time.Second
		c.AttemptTimeout = timeout
		hangServed := func() bool {
			return slices.ContainsFunc(fake.Requests(), func(r auth0fake.Request) bool { return r.Fault == "hang" })
		}
		at := &attemptTransport{base: c.HTTP.Transport, served: hangServed}
		c.HTTP = &http.Client{Transport: at}
		fake.Fail("GET", "/api/v2/connections", 1, auth0fake.Fault{Hang: true})
		if _, err := c.ListConnectionsByName(ctx, "jira"); err != nil {
			t.Fatal(err)
		}
		if n := len(fake.Requests()); n != 2 {
			t.Errorf("%d requests reached the fake; want 2 (one hang, one answer)", n)
		}
		if len(at.deadlines) != 2 {
			t.Fatalf("%d attempts; want 2", len(at.deadlines))
		}
		for i, d := range at.deadlines {
			if d.left <= 0 || d.left > timeout {
				t.Errorf("attempt %d: deadline %v ahead; want within AttemptTimeout %v", i+1, d.left, timeout)
			}
		}
		if !at.deadlines[1].at.After(at.deadlines[0].at) {
			t.Errorf("attempt 2 deadline %v not after attempt 1's %v; want a fresh deadline per attempt", at.deadlines[1].at, at.deadlines[0].at)
		}
		if want := "auth0: GET /api/v2/connections?name=jira failed (timed out), retrying in 375ms (attempt 2/5)\n"; log.String() != want {
			t.Errorf("log = %q; want %q", log.String(), want)
		}
	})
	t.Run("attempts stay within the budget", func(t *testing.T) {
		// A server that never answers, attempts allowed an hour each: the
		// 200ms budget must end the call, long before the test's deadline.
		fake, c, _, _ := setup(t, auth0fake.AllScopes...)
		c.Retry = Retry{MaxAttempts: 100, MaxElapsed: 200 * time.Millisecond, Sleep: func(context.Context, time.Duration) error { return nil }}
		c.AttemptTimeout = time.Hour
		fake.Fail("", "", 1000, auth0fake.Fault{Hang: true})
		cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		_, err := c.ListConnectionsByName(cctx, "jira")
		if err == nil || errors.Is(err, context.DeadlineExceeded) && cctx.Err() != nil {
			t.Fatalf("err = %v; want the call to give up within its budget", err)
		}
		if !contains(err.Error(), "gave up after") {
			t.Errorf("err = %v; want it to say it gave up", err)
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v; want the attempt's timeout (context.DeadlineExceeded) kept in the chain", err)
		}
	})
	t.Run("lost create answer comes back as 409", func(t *testing.T) {
		fake, c, _, _ := setup(t, auth0fake.AllScopes...)
		fake.Fail("POST", "/api/v2/connections", 1, auth0fake.Fault{Status: 503, Apply: true})
		_, err := c.CreateConnection(ctx, json.RawMessage(jiraBody))
		if !IsStatus(err, 409) {
			t.Fatalf("err = %v; want 409 (the first attempt did create it)", err)
		}
		if n := len(fake.Connections()); n != 1 {
			t.Errorf("%d connections; want 1", n)
		}
	})
	t.Run("context cancel stops", func(t *testing.T) {
		fake, c, _, _ := setup(t, auth0fake.AllScopes...)
		c.Retry.Sleep = nil
		fake.Fail("", "", 100, auth0fake.Fault{Status: 429, RetryAfter: "60"})
		cctx, cancel := context.WithCancel(ctx)
		c.Retry.Now = nil
		go func() { time.Sleep(20 * time.Millisecond); cancel() }()
		_, err := c.ListConnectionsByName(cctx, "jira")
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v; want context.Canceled", err)
		}
	})
}

func TestEnabledClients(t *testing.T) {
	fake, c, _, _ := setup(t, auth0fake.AllScopes...)
	ctx := context.Background()
	id := fake.Seed(`{"name":"jira","strategy":"oauth1","options":{}}`)
	var want []string
	for i := range 120 {
		want = append(want, fmt.Sprintf("client%03d", i))
	}
	fake.EnableClients(id, want...)
	got, err := c.GetEnabledClients(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got %d clients %v; want the %d enabled, in order: %v", len(got), got, len(want), want)
	}
	var gets int
	for _, r := range fake.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/clients") {
			gets++
		}
	}
	// 120 clients, 50 a page: 50 + 50 + 20.
	if gets != 3 {
		t.Errorf("%d GETs; want 3 pages of 50", gets)
	}

	var items []EnabledClient
	for i := range 60 {
		items = append(items, EnabledClient{ClientID: fmt.Sprintf("new%02d", i), Status: true})
	}
	before := len(fake.Writes())
	if err := c.SetEnabledClients(ctx, id, items); err != nil {
		t.Fatal(err)
	}
	writes := fake.Writes()[before:]
	if len(writes) != 2 || writes[0].Status != 204 || !strings.Contains(writes[0].Body, `{"client_id":"new00","status":true}`) {
		t.Fatalf("PATCHes = %+v; want 2 batches answered 204", writes)
	}
	for _, it := range items {
		if !slices.Contains(fake.EnabledClients(id), it.ClientID) {
			t.Errorf("client %s not enabled", it.ClientID)
		}
	}
}

func TestLogHasNoSecrets(t *testing.T) {
	fake, c, _, log := setup(t, auth0fake.AllScopes...)
	fake.Fail("GET", "", 1, auth0fake.Fault{Status: 429})
	if _, err := c.CreateConnection(context.Background(), json.RawMessage(jiraBody)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListConnectionsByName(context.Background(), "jira"); err != nil {
		t.Fatal(err)
	}
	out := log.String()
	// Only the retry is logged (the fake hints 1s), not the answers.
	if want := "auth0: 429 on GET /api/v2/connections?name=jira, retrying in 1s (attempt 2/5)\n"; out != want {
		t.Errorf("log = %q; want only the retry, %q", out, want)
	}
	for _, secret := range []string{testToken, "PEM", "Bearer"} {
		if strings.Contains(out, secret) {
			t.Errorf("log shows %q: %s", secret, out)
		}
	}
}

func TestTokenEndpointRetried(t *testing.T) {
	fake := auth0fake.New()
	defer fake.Close()
	fake.AddClient("m2m-client", "m2m-secret-0123456789", auth0fake.AllScopes...)
	fake.Fail("POST", "/oauth/token", 1, auth0fake.Fault{Status: 429, RetryAfter: "2"})
	tenant, _ := ParseTenant(fake.URL())
	c, _ := New(tenant, Credentials{ClientID: "m2m-client", ClientSecret: "m2m-secret-0123456789"}, nil)
	clock := newClock()
	c.Retry = Retry{Sleep: clock.Sleep, Now: clock.Now}
	if _, err := c.ListConnectionsByName(context.Background(), "jira"); err != nil {
		t.Fatal(err)
	}
	if got := clock.Sleeps(); !slices.Equal(got, []time.Duration{2 * time.Second}) {
		t.Errorf("slept %v; want [2s] (Retry-After of the token endpoint)", got)
	}
}

// The log carries the retries only: the final answer, a success or the error
// the caller reports, is not logged, so an error is never shown twice.
func TestLogOnlyRetries(t *testing.T) {
	fake, c, _, log := setup(t, auth0fake.AllScopes...)
	fake.Fail("GET", "/api/v2/connections", 100, auth0fake.Fault{Status: 500})
	_, err := c.ListConnectionsByName(context.Background(), "jira")
	if !IsStatus(err, 500) {
		t.Fatalf("err = %v; want 500", err)
	}
	want := []string{
		"auth0: 500 on GET /api/v2/connections?name=jira, retrying in 375ms (attempt 2/5)",
		"auth0: 500 on GET /api/v2/connections?name=jira, retrying in 750ms (attempt 3/5)",
		"auth0: 500 on GET /api/v2/connections?name=jira, retrying in 1.5s (attempt 4/5)",
		"auth0: 500 on GET /api/v2/connections?name=jira, retrying in 3s (attempt 5/5)",
	}
	if got := strings.Split(strings.TrimSuffix(log.String(), "\n"), "\n"); !slices.Equal(got, want) {
		t.Errorf("log =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	log.Reset()
	if _, err := c.GetConnection(context.Background(), "con_doesnotexist00"); !IsStatus(err, 404) {
		t.Fatalf("err = %v; want 404", err)
	}
	if log.Len() != 0 {
		t.Errorf("a 404 (not retried) logged %q; want nothing", log.String())
	}
}

// A retried token request says which endpoint failed.
func TestTokenRetryLogged(t *testing.T) {
	fake := auth0fake.New()
	defer fake.Close()
	fake.AddClient("m2m-client", "m2m-secret-0123456789", auth0fake.AllScopes...)
	fake.Fail("POST", "/oauth/token", 1, auth0fake.Fault{Status: 429, RetryAfter: "2"})
	tenant, _ := ParseTenant(fake.URL())
	c, _ := New(tenant, Credentials{ClientID: "m2m-client", ClientSecret: "m2m-secret-0123456789"}, nil)
	clock := newClock()
	c.Retry = Retry{Sleep: clock.Sleep, Now: clock.Now}
	var log strings.Builder
	c.Log = &log
	if _, err := c.ListConnectionsByName(context.Background(), "jira"); err != nil {
		t.Fatal(err)
	}
	if want := "auth0: 429 on POST /oauth/token, retrying in 2s (attempt 2/5)\n"; log.String() != want {
		t.Errorf("log = %q; want %q", log.String(), want)
	}
}
