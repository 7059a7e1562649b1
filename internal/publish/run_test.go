package publish

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/auth0/auth0fake"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

func TestCreate(t *testing.T) {
	e := newEnv(t)
	res, err := Run(context.Background(), e.plan)
	if err != nil {
		t.Fatal(err)
	}
	if res.Action != Created || !strings.HasPrefix(res.ConnectionID, "con_") || len(res.Changes) != 1 || res.BackupPath != "" {
		t.Fatalf("result = %+v", res)
	}
	if got, want := methods(e.fake.Requests()), "GET /api/v2/connections, POST /api/v2/connections, GET /api/v2/connections/ID"; got != want {
		t.Errorf("requests: %s; want %s", got, want)
	}
	st := e.stored(t)
	if !reflect.DeepEqual(st["options"], decodeMust(t, encode(newOptions()))) || st["strategy"] != "oauth1" {
		t.Errorf("stored %v", st)
	}
	noSecrets(t, e.log.String(), string(encode(res)))
}

func decodeMust(t *testing.T, data []byte) map[string]any {
	m, err := decodeObject(data)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// seeded is a connection made by hand, after the Auth0 JIRA guide: other
// spellings, a customHeaders setting and a second script bridge does not own.
const seeded = `{"name":"jira","strategy":"oauth1","enabled_clients":[],"is_domain_connection":false,"realms":["jira"],
 "options":{"client_id":"old-consumer","client_secret":"-----BEGIN PRIVATE KEY-----\nOLDKEYOLDKEYOLDKEY\n-----END PRIVATE KEY-----\n",
  "requestTokenURL":"https://old.example.com/plugins/servlet/oauth/request-token","signatureMethod":"RSA-SHA1",
  "customHeaders":{"X-Team":"identity"},"scope":["a","b"],"ttl":3600.50,
  "scripts":{"fetchUserProfile":"function(){ return old; }","otherScript":"keep me"}}}`

func TestUpdateMerges(t *testing.T) {
	e := newEnv(t)
	id := e.fake.Seed(seeded)
	before := e.fake.Connection(id)

	res, err := Run(context.Background(), e.plan)
	if err != nil {
		t.Fatal(err)
	}
	if res.Action != Updated || res.ConnectionID != id {
		t.Fatalf("result = %+v", res)
	}
	opts := e.stored(t)["options"].(map[string]any)
	for k, want := range newOptions() {
		if k == "scripts" {
			continue
		}
		if !reflect.DeepEqual(opts[k], want) {
			t.Errorf("options.%s = %v; want %v", k, opts[k], want)
		}
	}
	// Unrelated settings survive, nested scripts merge, numbers keep their text.
	if opts["customHeaders"].(map[string]any)["X-Team"] != "identity" || len(opts["scope"].([]any)) != 2 || fmt.Sprint(opts["ttl"]) != "3600.50" {
		t.Errorf("unrelated options lost: %v", opts)
	}
	scripts := opts["scripts"].(map[string]any)
	if scripts["fetchUserProfile"] != script || scripts["otherScript"] != "keep me" {
		t.Errorf("scripts = %v", scripts)
	}
	// The PATCH carries options alone.
	w := e.fake.Writes()
	if len(w) != 1 || w[0].Method != "PATCH" || strings.Contains(w[0].Body, `"name"`) || strings.Contains(w[0].Body, `"strategy"`) {
		t.Fatalf("writes = %+v; want one PATCH without name/strategy", w)
	}
	// The backup holds the connection as it was, privately.
	fi, err := os.Stat(res.BackupPath)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup %q: %v, mode %v; want mode 0600", res.BackupPath, err, fi)
	}
	data, _ := os.ReadFile(res.BackupPath)
	if !reflect.DeepEqual(decodeMust(t, data), decodeMust(t, before)) {
		t.Errorf("backup = %s; want the connection as it was: %s", data, before)
	}
	if !strings.Contains(e.log.String(), res.BackupPath) {
		t.Errorf("the log does not print the backup path: %s", e.log)
	}
	// The diff masks secrets, old and new.
	var secretChange *Change
	for i, c := range res.OptionsDiff {
		if c.Path == "options.client_secret" {
			secretChange = &res.OptionsDiff[i]
		}
		if c.Path == "options.customHeaders.X-Team" || c.Path == "options.scripts.otherScript" {
			t.Errorf("diff shows an unchanged field: %+v", c)
		}
	}
	if secretChange == nil || string(secretChange.Old) != `"[REDACTED]"` || string(secretChange.New) != `"[REDACTED]"` {
		t.Errorf("client_secret change = %+v; want it masked both sides", secretChange)
	}
	out, _ := json.Marshal(res)
	noSecrets(t, e.log.String(), string(out), fmt.Sprint(res.OptionsDiff))
	if strings.Contains(string(out), "OLDKEYOLDKEY") {
		t.Errorf("result shows the tenant's old secret: %s", out)
	}
}

func TestUnchanged(t *testing.T) {
	e := newEnv(t)
	opts := newOptions()
	opts["customHeaders"] = map[string]any{"X": "y"}
	id := e.fake.Seed(string(encode(map[string]any{"name": "jira", "strategy": "oauth1", "options": opts})))
	res, err := Run(context.Background(), e.plan)
	if err != nil {
		t.Fatal(err)
	}
	if res.Action != Unchanged || res.ConnectionID != id || res.BackupPath != "" || len(res.Changes) != 0 {
		t.Fatalf("result = %+v", res)
	}
	if w := e.fake.Writes(); len(w) != 0 {
		t.Errorf("writes = %+v; want none", w)
	}
	if entries, _ := os.ReadDir(e.plan.BackupDir); len(entries) != 0 {
		t.Errorf("backup dir holds %d files; want none", len(entries))
	}
}

func TestCreateRace(t *testing.T) {
	e := newEnv(t)
	var once sync.Once
	e.fake.Hook = func(r *http.Request) {
		if r.Method == "POST" && r.URL.Path == "/api/v2/connections" {
			once.Do(func() { e.fake.Seed(seeded) }) // another publish got there first
		}
	}
	res, err := Run(context.Background(), e.plan)
	if err != nil {
		t.Fatal(err)
	}
	if res.Action != Updated {
		t.Fatalf("action = %s; want updated", res.Action)
	}
	want := "GET /api/v2/connections, POST /api/v2/connections, GET /api/v2/connections, PATCH /api/v2/connections/ID, GET /api/v2/connections/ID"
	if got := methods(e.fake.Requests()); got != want {
		t.Errorf("requests: %s; want %s", got, want)
	}
	if e.fake.Requests()[1].Status != 409 {
		t.Errorf("the POST answered %d; want 409", e.fake.Requests()[1].Status)
	}
	if scripts := e.stored(t)["options"].(map[string]any)["scripts"].(map[string]any); scripts["otherScript"] != "keep me" {
		t.Errorf("the race lost the other script: %v", scripts)
	}
}

func TestLostCreateAnswer(t *testing.T) {
	e := newEnv(t)
	// The first POST creates the connection, but its answer is lost (503):
	// the retry gets 409, and publish finds and checks what is there.
	e.fake.Fail("POST", "/api/v2/connections", 1, auth0fake.Fault{Status: 503, Apply: true})
	res, err := Run(context.Background(), e.plan)
	if err != nil {
		t.Fatal(err)
	}
	if res.Action != Unchanged || len(e.fake.Connections()) != 1 {
		t.Fatalf("result = %+v, %d connections", res, len(e.fake.Connections()))
	}
}

func TestEnabledClients(t *testing.T) {
	e := newEnv(t)
	id := e.fake.Seed(string(encode(map[string]any{"name": "jira", "strategy": "oauth1", "options": newOptions()})))
	var have []string
	for i := range 70 {
		have = append(have, fmt.Sprintf("client%02d", i))
	}
	e.fake.EnableClients(id, have...)
	e.plan.EnabledClients = []string{"client65", "appA", "appB", "appA"}

	res, err := Run(context.Background(), e.plan)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.EnabledClientsAdded, []string{"appA", "appB"}) || res.Action != Unchanged {
		t.Fatalf("result = %+v", res)
	}
	w := e.fake.Writes()
	if len(w) != 1 || w[0].Body != `[{"client_id":"appA","status":true},{"client_id":"appB","status":true}]` {
		t.Fatalf("writes = %+v", w)
	}
	if n := strings.Count(methods(e.fake.Requests()), "GET /api/v2/connections/ID/clients"); n != 2 {
		t.Errorf("%d GETs of the clients; want 2 pages", n)
	}
	if got := e.fake.EnabledClients(id); len(got) != 72 {
		t.Errorf("%d clients enabled; want 72 (none disabled)", len(got))
	}

	// Again: all enabled already, nothing written.
	before := len(e.fake.Writes())
	if _, err := Run(context.Background(), e.plan); err != nil {
		t.Fatal(err)
	}
	if len(e.fake.Writes()) != before {
		t.Errorf("second run wrote %+v", e.fake.Writes()[before:])
	}
}

func TestVerifyFailureSendsNothing(t *testing.T) {
	e := newEnv(t)
	e.fake.Seed(seeded)
	errCases := errors.New("2 of 9 cases failed")
	e.plan.Verify = func(context.Context) error { return errCases }
	res, err := Run(context.Background(), e.plan)
	if !errors.Is(err, ErrVerify) || !errors.Is(err, errCases) {
		t.Fatalf("err = %v; want ErrVerify wrapping the suite's error", err)
	}
	if res.Action != "" || len(res.Changes) != 0 {
		t.Errorf("result = %+v", res)
	}
	if n := len(e.fake.Requests()); n != 0 {
		t.Errorf("%d requests sent (%s); want zero", n, methods(e.fake.Requests()))
	}
	if !strings.Contains(err.Error(), "nothing was sent to Auth0") {
		t.Errorf("err = %v", err)
	}
	e.plan.Verify = nil
	if _, err := Run(context.Background(), e.plan); !errors.Is(err, ErrPlan) || len(e.fake.Requests()) != 0 {
		t.Errorf("no Verify: err %v; want ErrPlan with nothing sent", err)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		name    string
		scopes  []string
		seed    string
		setup   func(e *env)
		step    string
		is      error
		status  int
		says    []string
		changes int
	}{
		{name: "other strategy", seed: `{"name":"jira","strategy":"oauth2","options":{}}`, step: "find", is: ErrOtherStrategy, says: []string{`strategy "oauth2", not "oauth1"`, "choose another --name"}},
		{name: "403 on create names the scope", scopes: []string{"read:connections", "read:connections_options"}, step: "create", status: 403, says: []string{"create:connections"}},
		{name: "403 on find", scopes: []string{"create:connections"}, step: "find", status: 403, says: []string{"read:connections"}},
		{name: "no options scope", scopes: []string{"read:connections", "update:connections", "update:connections_options"}, seed: seeded, step: "update", is: ErrNoOptions, says: []string{"read:connections_options", "erase"}},
		{name: "403 on update options", scopes: []string{"read:connections", "read:connections_options", "update:connections"}, seed: seeded, step: "update", status: 403, says: []string{"update:connections_options"}},
		{name: "401", scopes: []string{}, step: "find", status: 401, setup: func(e *env) {
			tenant, _ := auth0.ParseTenant(e.fake.URL())
			e.plan.Client, _ = auth0.New(tenant, auth0.Credentials{APIToken: "expired-token-123"}, nil)
		}, says: []string{"Invalid token", "check --api-token"}},
		{name: "500 bounded", step: "find", status: 500, setup: func(e *env) {
			e.fake.Fail("", "", 100, auth0fake.Fault{Status: 500})
		}, says: []string{"after 5 attempts"}},
		{name: "later step failure says what changed", step: "enabled clients", status: 403, changes: 1, setup: func(e *env) {
			e.plan.EnabledClients = []string{"appA"}
			e.fake.Fail("PATCH", "", 1, auth0fake.Fault{Status: 403})
		}, says: []string{"already changed on the tenant: created connection jira (con_"}},
		{name: "400 shows message and errorCode", step: "create", status: 400, setup: func(e *env) {
			e.fake.Fail("POST", "", 1, auth0fake.Fault{Status: 400, Message: "Payload validation error: 'Invalid value' on property options.signatureMethod", ErrorCode: "invalid_body"})
		}, says: []string{"POST /api/v2/connections: 400 Bad Request: Payload validation error: 'Invalid value' on property options.signatureMethod (errorCode invalid_body)"}},
		{name: "other status on update", seed: seeded, step: "update", status: 422, setup: func(e *env) {
			e.fake.Fail("PATCH", "", 1, auth0fake.Fault{Status: 422, Message: "Connection is being migrated", ErrorCode: "operation_not_supported"})
		}, says: []string{"422 Unprocessable Entity: Connection is being migrated (errorCode operation_not_supported)"}},
		{name: "404 on read back", step: "read back", status: 404, changes: 1, setup: func(e *env) {
			// Only the read back fails: the find and the create go through.
			var mu sync.Mutex
			var n int
			e.fake.Hook = func(r *http.Request) {
				mu.Lock()
				defer mu.Unlock()
				if n++; n == 2 {
					e.fake.Fail("GET", "", 1, auth0fake.Fault{Status: 404})
				}
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, tc.scopes...)
			if tc.seed != "" {
				e.fake.Seed(tc.seed)
			}
			if tc.setup != nil {
				tc.setup(e)
			}
			_, err := Run(context.Background(), e.plan)
			var pe *Error
			if !errors.As(err, &pe) || pe.Step != tc.step {
				t.Fatalf("err = %v; want a publish error at step %q", err, tc.step)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("err = %v; want %v", err, tc.is)
			}
			if tc.status != 0 && !auth0.IsStatus(err, tc.status) {
				t.Errorf("err = %v; want status %d", err, tc.status)
			}
			for _, s := range tc.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("err %q does not say %q", err, s)
				}
			}
			if len(pe.Changes) != tc.changes {
				t.Errorf("changes = %q; want %d", pe.Changes, tc.changes)
			}
			if tc.changes == 0 && !strings.Contains(err.Error(), "nothing was changed on the tenant") {
				t.Errorf("err %q does not say nothing changed", err)
			}
			if tc.changes == 0 && tc.step != "read back" {
				if w := e.fake.Writes(); len(w) > 0 && w[len(w)-1].Status < 300 {
					t.Errorf("a write succeeded: %+v", w)
				}
			}
			noSecrets(t, err.Error(), e.log.String())
		})
	}
}

func TestReadBackMismatch(t *testing.T) {
	e := newEnv(t)
	// A tenant-side rule rewrites the script as it is stored.
	e.fake.AfterWrite = func(c map[string]any) {
		o := c["options"].(map[string]any)
		o["scripts"] = map[string]any{"fetchUserProfile": script + "\n// tampered"}
		o["requestTokenURL"] = "https://evil.example.com/rt"
	}
	_, err := Run(context.Background(), e.plan)
	var pe *Error
	if !errors.As(err, &pe) || pe.Step != "read back" || !errors.Is(err, ErrMismatch) {
		t.Fatalf("err = %v; want a read-back mismatch", err)
	}
	for _, s := range []string{"options.requestTokenURL is \"https://evil.example.com/rt\"", "options.scripts.fetchUserProfile changed", "already changed on the tenant: created connection jira"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("err %q does not say %q", err, s)
		}
	}
}

func TestDryRun(t *testing.T) {
	t.Run("create", func(t *testing.T) {
		e := newEnv(t)
		e.plan.DryRun = true
		e.plan.EnabledClients = []string{"appA"}
		res, err := Run(context.Background(), e.plan)
		if err != nil {
			t.Fatal(err)
		}
		if w := e.fake.Writes(); len(w) != 0 {
			t.Fatalf("dry run wrote %+v", w)
		}
		if res.Action != Created || !res.DryRun || len(res.DryRunRequests) != 2 {
			t.Fatalf("result = %+v", res)
		}
		post := res.DryRunRequests[0]
		if post.Method != "POST" || post.URL != e.fake.URL()+"/api/v2/connections" || !strings.Contains(post.PostData.Text, `"client_secret":"[REDACTED]"`) {
			t.Errorf("POST = %+v", post)
		}
		if p := res.DryRunRequests[1]; p.Method != "PATCH" || !strings.HasSuffix(p.URL, "/api/v2/connections/NEW_CONNECTION_ID/clients") {
			t.Errorf("clients PATCH = %+v", p)
		}
		if len(res.OptionsDiff) != 7 || res.OptionsDiff[0].Kind != "added" {
			t.Errorf("diff = %v", res.OptionsDiff)
		}
		har, _ := json.Marshal(res.DryRunHAR())
		if !strings.Contains(string(har), `"Bearer [REDACTED]"`) {
			t.Errorf("HAR = %s", har)
		}
		noSecrets(t, string(har), e.log.String())
	})
	t.Run("update", func(t *testing.T) {
		e := newEnv(t)
		id := e.fake.Seed(seeded)
		e.plan.DryRun = true
		res, err := Run(context.Background(), e.plan)
		if err != nil {
			t.Fatal(err)
		}
		if w := e.fake.Writes(); len(w) != 0 {
			t.Fatalf("dry run wrote %+v", w)
		}
		if entries, _ := os.ReadDir(e.plan.BackupDir); len(entries) != 0 {
			t.Errorf("dry run wrote a backup")
		}
		if res.Action != Updated || len(res.DryRunRequests) != 1 {
			t.Fatalf("result = %+v", res)
		}
		p := res.DryRunRequests[0]
		if p.Method != "PATCH" || !strings.HasSuffix(p.URL, "/api/v2/connections/"+id) || strings.Contains(p.PostData.Text, `"strategy"`) ||
			!strings.Contains(p.PostData.Text, `"otherScript":"keep me"`) || !strings.Contains(p.PostData.Text, `"client_secret":"[REDACTED]"`) {
			t.Errorf("PATCH = %+v", p)
		}
		var lines []string
		for _, c := range res.OptionsDiff {
			lines = append(lines, c.String())
		}
		diff := strings.Join(lines, "\n")
		for _, want := range []string{
			`~ options.client_id: "old-consumer" -> "my-consumer"`,
			`+ options.accessTokenURL = "https://jira.example.com/plugins/servlet/oauth/access-token"`,
			`~ options.client_secret: "[REDACTED]" -> "[REDACTED]"`,
			`~ options.scripts.fetchUserProfile: changed (1 -> 4 lines; first difference at line 1)`,
		} {
			if !strings.Contains(diff, want) {
				t.Errorf("diff lacks %q:\n%s", want, diff)
			}
		}
		har, _ := json.Marshal(res.DryRunHAR())
		noSecrets(t, string(har), diff, e.log.String())
		if strings.Contains(string(har)+diff, "OLDKEYOLDKEY") {
			t.Errorf("dry run shows the tenant's old secret")
		}
	})
}

func TestMerge(t *testing.T) {
	cases := []struct{ old, upd, want string }{
		{`{"a":1,"b":{"c":2,"d":3}}`, `{"b":{"c":4}}`, `{"a":1,"b":{"c":4,"d":3}}`},
		{`{"a":[1,2]}`, `{"a":[3]}`, `{"a":[3]}`},
		{`{"a":"x"}`, `{"a":{"b":1}}`, `{"a":{"b":1}}`},
		{`{"a":{"b":1}}`, `{"a":"x"}`, `{"a":"x"}`},
		{`{}`, `{"a":null}`, `{"a":null}`},
	}
	for _, c := range cases {
		old, upd := decodeMust(t, []byte(c.old)), decodeMust(t, []byte(c.upd))
		got := Merge(old, upd)
		if !reflect.DeepEqual(got, decodeMust(t, []byte(c.want))) {
			t.Errorf("Merge(%s, %s) = %s; want %s", c.old, c.upd, encode(got), c.want)
		}
		if string(encode(old)) != string(encode(decodeMust(t, []byte(c.old)))) {
			t.Errorf("Merge modified its input")
		}
	}
}

func TestDryRunBodyIsExact(t *testing.T) {
	for _, known := range []bool{true, false} {
		e := newEnv(t)
		e.plan.DryRun = true
		if !known {
			// A Redactor that does not know the key: the secret field is
			// still masked.
			e.plan.Redactor = redact.New(apiToken)
		}
		res, err := Run(context.Background(), e.plan)
		if err != nil {
			t.Fatal(err)
		}
		got := res.DryRunRequests[0].PostData.Text
		noSecrets(t, got)
		if !known {
			continue
		}
		want := strings.Replace(string(testBody()), string(encode(testPEM)), `"[REDACTED]"`, 1)
		if got != want {
			t.Errorf("dry-run POST body\n%s\nwant the exact body with the key masked\n%s", got, want)
		}
	}
}

func TestWarnsAboutGuideSpelling(t *testing.T) {
	e := newEnv(t)
	e.fake.Seed(`{"name":"jira","strategy":"oauth1","options":{"consumerKey":"old","consumerSecret":"-----BEGIN RSA PRIVATE KEY-----\nGUIDEKEYGUIDEKEY\n-----END RSA PRIVATE KEY-----\n"}}`)
	res, err := Run(context.Background(), e.plan)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 2 || !strings.Contains(res.Warnings[1], "consumerSecret (the Auth0 JIRA guide's spelling)") {
		t.Errorf("warnings = %q", res.Warnings)
	}
	opts := e.stored(t)["options"].(map[string]any)
	if opts["consumerKey"] != "old" || opts["client_id"] != "my-consumer" {
		t.Errorf("options = %v; want both spellings", opts)
	}
	if strings.Contains(e.log.String()+fmt.Sprint(res), "GUIDEKEYGUIDEKEY") {
		t.Errorf("the guide-spelled secret was printed")
	}
}
