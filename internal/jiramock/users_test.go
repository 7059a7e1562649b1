package jiramock

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

func TestDefaultUsers(t *testing.T) {
	for f, want := range map[Flavor]string{Server: "fred jdoe", Cloud: "5b10a2844c20165700ede21g 557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"} {
		var ids []string
		for _, u := range DefaultUsers(f) {
			ids = append(ids, u.ID())
		}
		if strings.Join(ids, " ") != want {
			t.Errorf("%s users %v, want %s", f, ids, want)
		}
	}
	u := DefaultUsers(Cloud)[1]
	if u.Name != "" || u.EmailAddress != "" || u.DisplayName != "Private Person" {
		t.Errorf("cloud user %+v", u)
	}
}

func TestLoadUsers(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	one := write("one.json", `{"name":"a","displayName":"A"}`)
	arr := write("arr.json", "[\n {\"name\":\"b\"},\n {\"accountId\":\"c1\", \"emailAddress\": \"c@x\"}\n]\n")
	d := filepath.Join(dir, "d")
	write("d/2.json", `{"name":"y"}`)
	write("d/1.json", `[{"name":"x"}]`)
	write("d/readme.txt", `not json`)
	for _, tc := range []struct {
		path string
		want string
	}{{one, "a"}, {arr, "b c1"}, {d, "x y"}} {
		us, err := LoadUsers(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, u := range us {
			ids = append(ids, u.ID())
		}
		if strings.Join(ids, " ") != tc.want {
			t.Errorf("%s: %v, want %s", tc.path, ids, tc.want)
		}
	}

	for _, tc := range []struct{ name, data, want string }{
		{"syntax.json", "{\n  \"name\": \"a\",\n  oops\n}", "syntax.json:3: bad JSON"},
		{"noid.json", "[\n  {\"name\":\"a\"},\n\n  {\"displayName\":\"Nobody\"}\n]", `noid.json:4: the user has neither "name" (Server) nor "accountId" (Cloud)`},
		{"type.json", "{\n\"name\": 5}", `type.json:2: field "name" must be a string`},
		{"scalar.json", "\n\n42", "scalar.json:3: a user must be a JSON object"},
		{"empty.json", "  ", "empty.json: empty file"},
		{"emptyarr.json", "[]", "emptyarr.json: the array holds no users"},
		{"dup.json", `[{"name":"a"},{"name":"a"}]`, `two users are named "a"`},
		{"elem.json", "[\n{\"name\":\"a\"},\n7]", "elem.json:3: a user must be a JSON object"},
	} {
		_, err := LoadUsers(write(tc.name, tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	if _, err := LoadUsers(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := LoadUsers(t.TempDir()); err == nil || !strings.Contains(err.Error(), "has no *.json files") {
		t.Errorf("empty dir: %v", err)
	}
}

// The default consumer trusts the public half of the shipped test key
// (keys.ParsePublicKey reads it; its own tests cover the PEM forms).
func TestDefaultConsumer(t *testing.T) {
	if c := DefaultConsumer(); c.Key != "auth0-jira" || !c.PublicKey.Equal(&testKey(t).PublicKey) {
		t.Errorf("default consumer %+v does not match the test private key", c)
	}
}

func TestNewErrors(t *testing.T) {
	busy := newMock(t, Config{})
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{Addr: strings.TrimPrefix(busy.URL(), "http://")}, "is already in use"},
		{Config{Flavor: "dc"}, `unknown flavor "dc"`},
		{Config{AutoApprove: "ghost"}, `auto-approve user "ghost" is not one of the users (fred, jdoe)`},
		{Config{Users: []User{}}, "the user list is empty"},
		{Config{Consumers: []Consumer{{Key: "k"}}}, "needs a key and a public key"},
		{Config{Faults: Faults{"x": {}}}, `unknown fault endpoint "x"`},
	} {
		m, err := New(tc.cfg)
		if err == nil {
			m.Close()
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.cfg, err, tc.want)
		}
	}
}

func TestLogLine(t *testing.T) {
	b := &testenv.SyncBuffer{}
	m := newMock(t, Config{Log: b})
	get(t, httpClient(), m.URL()+"/rest/auth/1/session?x=1")
	get(t, httpClient(), m.URL()+"/nowhere")
	var lines []string
	// The client can have its answer before the mock logs it.
	for deadline := time.Now().Add(5 * time.Second); len(lines) < 2 && time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		lines = strings.Split(strings.TrimSpace(b.String()), "\n")
	}
	if len(lines) != 2 || !strings.HasSuffix(lines[0], " GET /rest/auth/1/session?x=1 -> 401, anonymous (no complete set of OAuth parameters)") || !strings.HasSuffix(lines[1], " GET /nowhere -> 404, anonymous (no complete set of OAuth parameters)") {
		t.Errorf("log lines %q", lines)
	}
}
