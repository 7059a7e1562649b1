package publish

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
)

func validated(t *testing.T, src string) Source {
	t.Helper()
	pem, err := os.ReadFile(filepath.Join("..", "keys", "testdata", "pkcs8.key"))
	if err != nil {
		t.Fatal(err)
	}
	p := connection.Params{JIRAURL: "https://jira.example.com", ConsumerKey: "auth0-jira",
		PrivateKeyPEM: string(pem), PrivateKeySource: "pkcs8.key"}
	if src != "" {
		p.Script, p.ScriptName = src, "mine.js"
	}
	v, err := connection.Validate(p)
	if err != nil {
		t.Fatal(err)
	}
	return OAuth1Source(v)
}

// TestPrepare: the plan publishes the validated body under its name, logs
// "bridge: " lines, and its Verify runs the built-in suite with the user's
// key, which the shipped script passes.
func TestPrepare(t *testing.T) {
	v := validated(t, "")
	var stderr bytes.Buffer
	plan, err := Prepare(v, "", &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(plan.Body, v.Body) || plan.Name != v.Name {
		t.Errorf("plan body/name = %s %q; want the validated body and %q", plan.Body, plan.Name, v.Name)
	}
	if err := plan.Verify(context.Background()); err != nil {
		t.Fatalf("Verify = %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "bridge: verifying ") || !strings.Contains(stderr.String(), " passed, 0 failed") {
		t.Errorf("stderr = %q; want the suite's progress", stderr.String())
	}
	stderr.Reset()
	_, _ = plan.Log.Write([]byte("auth0: GET x\n"))
	if stderr.String() != "bridge: auth0: GET x\n" {
		t.Errorf("Log wrote %q", stderr.String())
	}
}

// TestPrepareRefuses: a directory without cases, a script that does not
// compile and a script other than the body's are refused.
func TestPrepareRefuses(t *testing.T) {
	if _, err := Prepare(validated(t, ""), t.TempDir(), &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "no case files (*.json) here") {
		t.Errorf("Prepare with an empty cases directory = %v; want the cases' error", err)
	}
	v := validated(t, "")
	v.Script = "function fetchUserProfile(accessToken, ctx, cb) {"
	if _, err := Prepare(v, "", &bytes.Buffer{}); err == nil || !strings.HasSuffix(err.Error(), "; fix the script, `bridge run` shows it at work") {
		t.Errorf("Prepare of a broken script = %v; want a compile error pointing to bridge run", err)
	}
	v = validated(t, "")
	v.Script += "\n// changed after validation\n"
	if _, err := Prepare(v, "", &bytes.Buffer{}); !errors.Is(err, ErrNotVerified) {
		t.Errorf("Prepare of a script other than the body's = %v; want ErrNotVerified", err)
	}
}
