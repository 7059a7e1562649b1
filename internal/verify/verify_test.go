package verify

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

func TestCases(t *testing.T) {
	cs, err := Cases("")
	if err != nil || len(cs) == 0 {
		t.Fatalf("Cases(\"\") = %d cases, %v; want the built-in suite", len(cs), err)
	}
	empty := t.TempDir()
	// cases.LoadDir refuses a directory without case files itself.
	if cs, err := Cases(empty); err == nil || !strings.Contains(err.Error(), empty) || len(cs) != 0 {
		t.Errorf("Cases(empty dir) = %d cases, %v; want an error naming the directory", len(cs), err)
	}
}

func run(t *testing.T, src string, caseText string) (string, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "c.json"), []byte(caseText), 0o644); err != nil {
		t.Fatal(err)
	}
	cs, err := Cases(dir)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := script.Compile("s.js", src)
	if err != nil {
		t.Fatal(err)
	}
	key, err := keys.ParsePrivateKey(bridge.TestPrivateKeyPEM, "test key")
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	err = Suite(context.Background(), Options{Program: prog, Cases: cs, ConsumerKey: "k", PrivateKey: key, PrivateKeyPEM: string(bridge.TestPrivateKeyPEM), Log: &log})
	return log.String(), err
}

func TestSuite(t *testing.T) {
	const good = `{"user": {"name": "fred", "displayName": "Fred"}, "expect": {"profile": {"user_id": "fred", "username": "fred", "name": "Fred"}}}`
	const wrong = `{"user": {"name": "fred", "displayName": "Fred"}, "expect": {"profile": {"user_id": "fred", "username": "fred", "name": "Frederick"}}}`
	log, err := run(t, bridge.ShippedScript, good)
	if err != nil || !strings.Contains(log, "verifying s.js with consumer key k and your private key: 1 cases\n") || !strings.HasSuffix(log, "bridge: 1 passed, 0 failed\n") {
		t.Errorf("passing suite: %v\n%s", err, log)
	}
	log, err = run(t, bridge.ShippedScript, wrong)
	var fe *FailedError
	if !errors.As(err, &fe) || fe.Failed != 1 || fe.Total != 1 || !strings.Contains(log, "Frederick") {
		t.Errorf("failing suite: %v; want a *FailedError and the report on the log:\n%s", err, log)
	}
}
