package publish

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/auth0/auth0fake"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// testPEM is a stand-in private key: its body lines must never be printed.
const testPEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n-----END PRIVATE KEY-----\n"

var pemLines = []string{"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj", "MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu"}

const apiToken = "api-token-5c2b8e1f9a7d4c3b"

const script = "function (token, tokenSecret, ctx, cb) {\n  // fetch the profile from https://jira.example.com\n  cb(null, {user_id: 'x'});\n}"

// newOptions are the options bridge publishes in these tests.
func newOptions() map[string]any {
	return map[string]any{
		"client_id":            "my-consumer",
		"client_secret":        testPEM,
		"requestTokenURL":      "https://jira.example.com/plugins/servlet/oauth/request-token",
		"accessTokenURL":       "https://jira.example.com/plugins/servlet/oauth/access-token",
		"userAuthorizationURL": "https://jira.example.com/plugins/servlet/oauth/authorize",
		"signatureMethod":      "RSA-SHA1",
		"scripts":              map[string]any{"fetchUserProfile": script},
	}
}

func testBody() json.RawMessage {
	return encode(map[string]any{"name": "jira", "strategy": "oauth1", "options": newOptions()})
}

// env is a fake tenant and a plan publishing testBody to it.
type env struct {
	fake   *auth0fake.Server
	client *auth0.Client
	log    *bytes.Buffer
	plan   Plan
}

func newEnv(t *testing.T, scopes ...string) *env {
	t.Helper()
	if scopes == nil {
		scopes = auth0fake.AllScopes
	}
	fake := auth0fake.New()
	t.Cleanup(fake.Close)
	fake.AddToken(apiToken, scopes...)
	tenant, err := auth0.ParseTenant(fake.URL())
	if err != nil {
		t.Fatal(err)
	}
	c, err := auth0.New(tenant, auth0.Credentials{APIToken: apiToken}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.Retry.Sleep = func(context.Context, time.Duration) error { return nil }
	log := &bytes.Buffer{}
	c.Log = log
	e := &env{fake: fake, client: c, log: log}
	e.plan = Plan{
		Body:      testBody(),
		Verify:    func(context.Context) error { return nil },
		Client:    c,
		Log:       log,
		BackupDir: t.TempDir(),
		Redactor:  redact.New(testPEM, apiToken),
		Now:       func() time.Time { return time.Date(2026, 11, 28, 23, 0, 0, 0, time.UTC) },
	}
	return e
}

// stored returns the connection named jira on the fake, decoded.
func (e *env) stored(t *testing.T) map[string]any {
	t.Helper()
	for _, raw := range e.fake.Connections() {
		m, err := decodeObject(raw)
		if err != nil {
			t.Fatal(err)
		}
		if m["name"] == "jira" {
			return m
		}
	}
	t.Fatal("no connection named jira on the fake")
	return nil
}

// noSecrets fails when any of outs shows the PEM body or the API token.
func noSecrets(t *testing.T, outs ...string) {
	t.Helper()
	for _, out := range outs {
		for _, s := range append([]string{apiToken}, pemLines...) {
			if strings.Contains(out, s) {
				t.Errorf("output shows a secret (%.12s…): %s", s, out)
			}
		}
	}
}

func methods(rs []auth0fake.Request) string {
	var parts []string
	for _, r := range rs {
		p := r.Path
		if strings.HasPrefix(p, "/api/v2/connections/con_") {
			rest := strings.TrimPrefix(p, "/api/v2/connections/")
			_, sub, _ := strings.Cut(rest, "/")
			p = "/api/v2/connections/ID"
			if sub != "" {
				p += "/" + sub
			}
		}
		parts = append(parts, r.Method+" "+p)
	}
	return strings.Join(parts, ", ")
}
