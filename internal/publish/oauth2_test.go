package publish

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

const (
	o2Secret = "o2-client-secret-7f3e9a1c5b2d4e6f8a0b1c2d3e4f5a6b"
	o2Script = "function(accessToken, ctx, cb) {\n  // GET JIRA_URL/rest/api/2/myself\n  cb(null, {user_id: 'x'});\n}"
)

// oauth2Env is newEnv publishing an oauth2 body of flavour f, built by
// connection.BuildOAuth2 as the CLI builds it.
func oauth2Env(t *testing.T, f connection.Flavor) (*env, *connection.OAuth2Body) {
	t.Helper()
	b, err := connection.BuildOAuth2(connection.OAuth2Params{Flavor: f, JIRAURL: "https://jira.example.com", ClientID: "o2-client", ClientSecret: o2Secret, Script: o2Script})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	e.plan.Body = b.JSON()
	e.plan.Redactor = redact.New(append(b.Secrets(), apiToken)...)
	return e, b
}

func noOAuth2Secret(t *testing.T, outs ...string) {
	t.Helper()
	noSecrets(t, outs...)
	for _, out := range outs {
		if strings.Contains(out, o2Secret) {
			t.Errorf("output shows the oauth2 client secret: %s", out)
		}
	}
}

func TestOAuth2Create(t *testing.T) {
	for _, f := range []connection.Flavor{connection.FlavorServer, connection.FlavorCloud} {
		t.Run(string(f), func(t *testing.T) {
			e, b := oauth2Env(t, f)
			res, err := Run(context.Background(), e.plan)
			if err != nil {
				t.Fatal(err)
			}
			if res.Action != Created {
				t.Fatalf("action = %s", res.Action)
			}
			if got := methods(e.fake.Requests()); got != "GET /api/v2/connections, POST /api/v2/connections, GET /api/v2/connections/ID" {
				t.Errorf("requests = %s", got)
			}
			stored := e.stored(t)
			if stored["strategy"] != "oauth2" || !reflect.DeepEqual(stored["options"], b.Options.Map()) {
				t.Errorf("stored = %v; want the body's options %v", stored, b.Options.Map())
			}
			noOAuth2Secret(t, e.log.String())
		})
	}
}

// Publishing onto an oauth2 connection made in the dashboard: the settings
// bridge does not set survive, the old one is backed up, and a second publish
// changes nothing.
func TestOAuth2UpdateThenUnchanged(t *testing.T) {
	e, b := oauth2Env(t, connection.FlavorCloud)
	id := e.fake.Seed(`{"name":"jira","strategy":"oauth2","options":{"client_id":"old","client_secret":"old-secret-123456",
		"authorizationURL":"https://auth.atlassian.com/authorize","tokenURL":"https://auth.atlassian.com/oauth/token","scope":"read:me",
		"pkce_enabled":true,"set_user_root_attributes":"on_each_login","icon_url":"https://example.com/i.png",
		"customHeaders":{"X-Trace":"on"},"scripts":{"fetchUserProfile":"function(a, c, cb) { cb(null, {}); }","getLogoutUrl":"function(q, cb) { cb(null, 'https://x'); }"}}}`)
	res, err := Run(context.Background(), e.plan)
	if err != nil {
		t.Fatal(err)
	}
	if res.Action != Updated || res.BackupPath == "" {
		t.Fatalf("result = %+v", res)
	}
	if _, err := os.Stat(res.BackupPath); err != nil {
		t.Errorf("backup: %v", err)
	}
	w := e.fake.Writes()
	if len(w) != 1 || w[0].Method != "PATCH" || strings.Contains(w[0].Body, `"strategy"`) {
		t.Fatalf("writes = %+v", w)
	}
	opts := e.stored(t)["options"].(map[string]any)
	want := map[string]any{
		"client_id": "o2-client", "client_secret": o2Secret, "scope": "read:me read:jira-user offline_access", "pkce_enabled": false,
		"authParams": map[string]any{"audience": "api.atlassian.com", "prompt": "consent"},
		// kept:
		"set_user_root_attributes": "on_each_login", "icon_url": "https://example.com/i.png", "customHeaders": map[string]any{"X-Trace": "on"},
	}
	for k, v := range want {
		if !reflect.DeepEqual(opts[k], v) {
			t.Errorf("options.%s = %v; want %v", k, opts[k], v)
		}
	}
	scripts := opts["scripts"].(map[string]any)
	if scripts["getLogoutUrl"] == nil || scripts["fetchUserProfile"] != b.Options.Scripts.FetchUserProfile {
		t.Errorf("scripts = %v", scripts)
	}
	var lines []string
	for _, c := range res.OptionsDiff {
		lines = append(lines, c.String())
	}
	diff := strings.Join(lines, "\n")
	for _, s := range []string{`~ options.pkce_enabled: true -> false`, `+ options.authParams.audience = "api.atlassian.com"`, `~ options.client_secret: "[REDACTED]" -> "[REDACTED]"`} {
		if !strings.Contains(diff, s) {
			t.Errorf("diff lacks %q:\n%s", s, diff)
		}
	}
	noOAuth2Secret(t, diff, e.log.String())

	before := len(e.fake.Writes())
	res, err = Run(context.Background(), e.plan)
	if err != nil || res.Action != Unchanged || res.ConnectionID != id {
		t.Fatalf("second run: %+v, %v; want unchanged", res, err)
	}
	if len(e.fake.Writes()) != before {
		t.Errorf("second run wrote %+v", e.fake.Writes()[before:])
	}
}

// An oauth1 connection of the same name is never overwritten by an oauth2
// publish: nothing is written, and the error says what to do instead.
func TestOAuth2OverOAuth1IsRefused(t *testing.T) {
	e, _ := oauth2Env(t, connection.FlavorServer)
	id := e.fake.Seed(seeded)
	before := string(e.fake.Connection(id))
	for _, dry := range []bool{false, true} {
		e.plan.DryRun = dry
		_, err := Run(context.Background(), e.plan)
		var pe *Error
		if !errors.As(err, &pe) || pe.Step != "find" || !errors.Is(err, ErrOtherStrategy) {
			t.Fatalf("dry run %v: err = %v; want ErrOtherStrategy at find", dry, err)
		}
		for _, s := range []string{`has strategy "oauth1", not "oauth2"`, "Auth0 cannot change a connection's strategy", "choose another --name, e.g. jira-oauth2",
			"docs/migration.md", "move the users", "nothing was changed on the tenant"} {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("err %q does not say %q", err, s)
			}
		}
		noOAuth2Secret(t, err.Error())
	}
	if w := e.fake.Writes(); len(w) != 0 {
		t.Errorf("writes = %+v", w)
	}
	if after := string(e.fake.Connection(id)); after != before {
		t.Errorf("the oauth1 connection changed:\n%s\n%s", before, after)
	}
}

func TestOAuth1OverOAuth2IsRefused(t *testing.T) {
	e := newEnv(t)
	e.fake.Seed(`{"name":"jira","strategy":"oauth2","options":{}}`)
	_, err := Run(context.Background(), e.plan)
	if !errors.Is(err, ErrOtherStrategy) || !strings.Contains(err.Error(), "e.g. jira-oauth1") || !strings.Contains(err.Error(), "docs/migration.md") {
		t.Fatalf("err = %v", err)
	}
	if w := e.fake.Writes(); len(w) != 0 {
		t.Errorf("writes = %+v", w)
	}
}

func TestOAuth2VerifyFailureSendsNothing(t *testing.T) {
	e, _ := oauth2Env(t, connection.FlavorCloud)
	e.plan.Verify = func(context.Context) error { return errors.New("the oauth2 suite failed") }
	if _, err := Run(context.Background(), e.plan); !errors.Is(err, ErrVerify) {
		t.Fatalf("err = %v", err)
	}
	if n := len(e.fake.Requests()); n != 0 {
		t.Errorf("%d requests sent; want zero", n)
	}
}

func TestOAuth2DryRun(t *testing.T) {
	t.Run("create", func(t *testing.T) {
		e, b := oauth2Env(t, connection.FlavorCloud)
		e.plan.DryRun = true
		res, err := Run(context.Background(), e.plan)
		if err != nil {
			t.Fatal(err)
		}
		if w := e.fake.Writes(); len(w) != 0 || res.Action != Created || len(res.DryRunRequests) != 1 {
			t.Fatalf("writes %+v, result %+v", w, res)
		}
		if got, want := res.DryRunRequests[0].PostData.Text, string(b.Redacted().JSON()); got != want {
			t.Errorf("dry-run POST body\n%s\nwant the body with the secret masked\n%s", got, want)
		}
		har, _ := json.Marshal(res.DryRunHAR())
		noOAuth2Secret(t, string(har), e.log.String())
	})
	t.Run("update", func(t *testing.T) {
		e, _ := oauth2Env(t, connection.FlavorServer)
		e.fake.Seed(`{"name":"jira","strategy":"oauth2","options":{"client_id":"o2-client","client_secret":"tenant-secret-abcdef0123","scope":"READ WRITE","customHeaders":{"Authorization":"Basic dGVuYW50OmNyZWQ="}}}`)
		e.plan.DryRun = true
		res, err := Run(context.Background(), e.plan)
		if err != nil {
			t.Fatal(err)
		}
		if w := e.fake.Writes(); len(w) != 0 || res.Action != Updated || len(res.DryRunRequests) != 1 {
			t.Fatalf("writes %+v, result %+v", w, res)
		}
		if entries, _ := os.ReadDir(e.plan.BackupDir); len(entries) != 0 {
			t.Errorf("dry run wrote a backup")
		}
		out, _ := json.Marshal(res)
		for _, s := range []string{"tenant-secret-abcdef0123", "dGVuYW50OmNyZWQ="} {
			if strings.Contains(string(out), s) {
				t.Errorf("dry run shows a tenant secret %s: %s", s, out)
			}
		}
		if text := res.DryRunRequests[0].PostData.Text; !strings.Contains(text, `"pkce_enabled":true`) || !strings.Contains(text, `"tokenURL":"https://jira.example.com/rest/oauth2/latest/token"`) {
			t.Errorf("PATCH = %s", text)
		}
		noOAuth2Secret(t, string(out), e.log.String())
	})
}

// A tenant that stores something else than was verified (here Atlassian's
// required authorization parameters dropped) fails the read back.
func TestOAuth2ReadBackMismatch(t *testing.T) {
	e, _ := oauth2Env(t, connection.FlavorCloud)
	e.fake.AfterWrite = func(c map[string]any) {
		delete(c["options"].(map[string]any), "authParams")
	}
	_, err := Run(context.Background(), e.plan)
	var pe *Error
	if !errors.As(err, &pe) || pe.Step != "read back" || !errors.Is(err, ErrMismatch) || !strings.Contains(err.Error(), "options.authParams is null") {
		t.Fatalf("err = %v; want a read-back mismatch naming options.authParams", err)
	}
}
