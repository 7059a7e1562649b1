package pull

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/auth0/auth0fake"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
)

const token = "api-token-pull-0123456789"

const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----\n"

func newTenant(t *testing.T, scopes ...string) (*auth0fake.Server, *auth0.Client) {
	t.Helper()
	fake := auth0fake.New()
	t.Cleanup(fake.Close)
	fake.AddToken(token, scopes...)
	tenant, err := auth0.ParseTenant(fake.URL())
	if err != nil {
		t.Fatal(err)
	}
	c, err := auth0.New(tenant, auth0.Credentials{APIToken: token}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return fake, c
}

// seed stores the connection `bridge publish` would create for base.
func seed(t *testing.T, fake *auth0fake.Server, base string) string {
	rt, at, az := connection.OAuthURLs(base)
	body := map[string]any{"name": "jira", "strategy": "oauth1", "options": map[string]any{
		"client_id": "auth0-jira", "client_secret": pem,
		"requestTokenURL": rt, "accessTokenURL": at, "userAuthorizationURL": az, "signatureMethod": "RSA-SHA1",
		"scripts": map[string]any{"fetchUserProfile": bridge.RenderScript(bridge.ShippedScript, base)},
	}}
	b, _ := json.Marshal(body)
	return fake.Seed(string(b))
}

func TestPullGivesBackTheShippedScript(t *testing.T) {
	fake, client := newTenant(t, auth0fake.AllScopes...)
	id := seed(t, fake, "https://example.com/jira")
	fake.EnableClients(id, "app1", "app2")
	res, err := Pull(context.Background(), client, "jira")
	if err != nil {
		t.Fatal(err)
	}
	if res.Script != bridge.ShippedScript {
		t.Errorf("pulled script differs from the shipped one")
	}
	want := Settings{Name: "jira", ID: id, Strategy: "oauth1", JIRAURL: "https://example.com/jira", ConsumerKey: "auth0-jira",
		RequestTokenURL:      "https://example.com/jira/plugins/servlet/oauth/request-token",
		AccessTokenURL:       "https://example.com/jira/plugins/servlet/oauth/access-token",
		UserAuthorizationURL: "https://example.com/jira/plugins/servlet/oauth/authorize", SignatureMethod: "RSA-SHA1",
		EnabledClients: []string{"app1", "app2"}}
	if g, w := mustJSON(res.Settings), mustJSON(want); g != w {
		t.Errorf("settings\n%s\nwant\n%s", g, w)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	for _, r := range fake.Requests() {
		if r.IsWrite() {
			t.Errorf("pull sent a write: %s %s", r.Method, r.Path)
		}
	}
	dir := filepath.Join(t.TempDir(), "out")
	paths, err := res.Write(dir)
	if err != nil || len(paths) != 2 {
		t.Fatalf("%v %v", err, paths)
	}
	script, _ := os.ReadFile(filepath.Join(dir, ScriptFile))
	settings, _ := os.ReadFile(filepath.Join(dir, SettingsFile))
	if string(script) != bridge.ShippedScript {
		t.Error("written script differs")
	}
	if strings.Contains(string(settings), "PRIVATE") || strings.Contains(string(settings), "MIIE") || !strings.Contains(string(settings), `"consumer_key": "auth0-jira"`) {
		t.Errorf("settings file:\n%s", settings)
	}
}

func TestPullLiteralHostAndErrors(t *testing.T) {
	fake, client := newTenant(t, auth0fake.AllScopes...)
	rt, at, az := connection.OAuthURLs("https://jira.example.com")
	b, _ := json.Marshal(map[string]any{"name": "jira", "strategy": "oauth1", "options": map[string]any{
		"client_id": "k", "requestTokenURL": rt, "accessTokenURL": at, "userAuthorizationURL": az,
		"scripts": map[string]any{"fetchUserProfile": "function(t, s, ctx, cb) { request('https://jira.internal/rest', cb); }"},
	}})
	fake.Seed(string(b))
	res, err := Pull(context.Background(), client, "jira")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "literal host") {
		t.Errorf("warnings = %q", res.Warnings)
	}
	if _, err := Pull(context.Background(), client, "other"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing connection: %v", err)
	}
	// A token without read:connections_options.
	fake2, client2 := newTenant(t, auth0.ScopeReadConnections)
	seed(t, fake2, "https://jira.example.com")
	if _, err := Pull(context.Background(), client2, "jira"); !errors.Is(err, ErrNoOptions) || !strings.Contains(err.Error(), "read:connections_options") {
		t.Errorf("no options scope: %v", err)
	}
}

func TestUnrender(t *testing.T) {
	base := "https://jira.example.com"
	for in, want := range map[string]string{
		"var u = '" + base + "';":                     "var u = 'JIRA_URL';",
		"get('" + base + "/rest/api/2/myself')":       "get('JIRA_URL/rest/api/2/myself')",
		"'" + base + ".evil/x' '" + base + ":8443/x'": "'" + base + ".evil/x' '" + base + ":8443/x'",
		base: "JIRA_URL",
	} {
		if got, _ := Unrender(in, base); got != want {
			t.Errorf("Unrender(%q) = %q, want %q", in, got, want)
		}
		rendered := bridge.RenderScript(want, base)
		if rendered != in {
			t.Errorf("RenderScript(Unrender(%q)) = %q", in, rendered)
		}
	}
}

func mustJSON(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}
