package jiramock

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

type nodeResult struct {
	Status    int
	Data      string
	Error     string
	Confirmed string
	ExpiresIn string `json:"expires_in"`
	Verifier  string
}

// TestNodeOAuthConformance runs the real npm oauth@0.10.2 under Node 22 and 18 against
// the mock: the whole dance and REST GETs with awkward queries must verify;
// a repeated key and a byte altered after signing must get signature_invalid,
// as on real JIRA (docs/node-oauth.md, §4).
func TestNodeOAuthConformance(t *testing.T) {
	testenv.ForEachNode(t, testNodeOAuthConformance)
}

func testNodeOAuthConformance(t *testing.T, rt testenv.Runtime) {
	pkg := rt.NeedModule(t, "oauth", "0.10.2")
	m := newMock(t, Config{AutoApprove: "fred"})
	keyFile := filepath.Join(t.TempDir(), "test.key")
	if err := os.WriteFile(keyFile, bridge.TestPrivateKeyPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := rt.Command("testdata/node/conformance.js")
	cmd.Env = append(cmd.Env, "NODE_OAUTH="+pkg, "MOCK_URL="+m.URL(), "CONSUMER_KEY=auth0-jira", "PRIVATE_KEY_FILE="+keyFile)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got map[string]nodeResult
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node printed %q: %v", out, err)
	}
	if r := got["request_token"]; r.Status != 200 || r.Confirmed != "true" {
		t.Errorf("request token: %+v", r)
	}
	if r := got["authorize"]; r.Status != 302 || len(r.Verifier) != 6 {
		t.Errorf("authorize: %+v", r)
	}
	if r := got["access_token"]; r.Status != 200 || r.ExpiresIn != "157680000" {
		t.Errorf("access token: %+v", r)
	}
	accepted := []string{"session", "user_groups", "spaces", "plus", "tilde", "reserved_raw", "reserved_encoded", "unicode", "empty_value", "many", "path_escape"}
	for _, name := range accepted {
		r, ok := got["get_"+name]
		if !ok || r.Status != 200 {
			t.Errorf("GET %s: node-oauth's request was refused: %+v", name, r)
		}
	}
	if !strings.Contains(got["get_user_groups"].Data, `"name": "jira-admin"`) {
		t.Errorf("user with groups: %s", got["get_user_groups"].Data)
	}
	for _, name := range []string{"repeated_key", "empty_name", "altered_byte"} {
		r := got[name]
		f, err := url.ParseQuery(r.Data)
		if r.Status != 401 || err != nil || f.Get("oauth_problem") != ProblemSignatureInvalid {
			t.Errorf("%s: want 401 signature_invalid, got %+v", name, r)
		}
	}
	if f, _ := url.ParseQuery(got["repeated_key"].Data); !strings.Contains(f.Get("oauth_signature_base_string"), "myself&a%3D1%26a%3D2%26oauth_consumer_key%3D") {
		t.Errorf("repeated key: the mock's base string %q should sign a=1&a=2", f.Get("oauth_signature_base_string"))
	}
	if got["unaltered"].Status != 200 {
		t.Errorf("the same signing, unaltered: %+v", got["unaltered"])
	}
	// Every REST request was verified, none anonymous.
	for _, e := range m.Requests() {
		if strings.HasPrefix(e.Path, "/rest/") && e.Verdict == VerdictAnonymous {
			t.Errorf("anonymous request %+v", e)
		}
	}
}
