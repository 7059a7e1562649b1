package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/suiteconfig"
	"github.com/jira-auth0-bridge/bridge/internal/testenv"
	"github.com/jira-auth0-bridge/bridge/internal/watch"
)

// junitDoc is JUnit XML as CI systems read it, declared here independently of
// internal/report so the test checks the format, not the writer's own types.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Time     string `xml:"time,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Time      string `xml:"time,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

const (
	goodCase  = `{"user": {"name": "fred", "displayName": "Fred"}, "expect": {"profile": {"user_id": "fred", "username": "fred", "name": "Fred"}}}`
	wrongCase = `{"flavor": "server", "user": {"name": "fred", "displayName": "Fred"}, "expect": {"profile": {"user_id": "fred", "username": "fred", "name": "Frederick"}}}`
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTestJUnit parses the --junit file: one suite, one testcase per case,
// a failure with the reason and the diff for the failing one.
func TestTestJUnit(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"cases/a/good.json": goodCase, "cases/b/wrong.json": wrongCase})
	junit := filepath.Join(dir, "report.xml")
	var stdout, stderr bytes.Buffer
	code := Main([]string{"test", "--cases", filepath.Join(dir, "cases"), "--junit", junit}, nil, &stdout, &stderr)
	if code != exit.CheckFailed {
		t.Fatalf("exit %d; want 1\n%s%s", code, stdout.String(), stderr.String())
	}
	data, err := os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	var doc junitDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("the JUnit file does not parse: %v\n%s", err, data)
	}
	if doc.Tests != 2 || doc.Failures != 1 || len(doc.Suites) != 1 || doc.Suites[0].Tests != 2 || doc.Suites[0].Failures != 1 {
		t.Fatalf("JUnit counts = %+v", doc)
	}
	cs := doc.Suites[0].Cases
	if len(cs) != 2 || cs[0].Name != "a/good" || cs[1].Name != "b/wrong" || cs[1].Classname != "bridge.b" {
		t.Fatalf("JUnit cases = %+v", cs)
	}
	if cs[0].Failure != nil {
		t.Errorf("a/good has a failure: %+v", cs[0].Failure)
	}
	if f := cs[1].Failure; f == nil || f.Message != "the profile differs from the expected one in 1 field(s)" ||
		!strings.Contains(f.Text, `~ name: "Frederick" -> "Fred"`) || strings.Contains(f.Text, "\x1b[") {
		t.Errorf("b/wrong failure = %+v", f)
	}
	for _, c := range cs {
		if !strings.Contains(c.Time, ".") {
			t.Errorf("case %s time %q; want seconds like 0.004", c.Name, c.Time)
		}
	}
}

// waitFor polls until out holds want n times, or fails after a generous
// deadline (this is no timing assertion: it only bounds a hang).
func waitFor(t *testing.T, out *testenv.SyncBuffer, want string, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for strings.Count(out.String(), want) < n {
		if time.Now().After(deadline) {
			t.Fatalf("no %d× %q in the output:\n%s", n, want, out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestTestWatch: --watch runs the suite, runs it again when a case changes,
// when a case appears in a new directory and when the script changes; bad
// input is reported and the watch goes on; canceling stops it.
func TestTestWatch(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"cases/good.json": goodCase, "fetchUserProfile.js": bridge.ShippedScript})
	f := &testFlags{runtime: cliflags.Runtime{Script: filepath.Join(dir, "fetchUserProfile.js"), Timeout: 5 * time.Second},
		Flags: suiteconfig.Flags{CasesDir: filepath.Join(dir, "cases"), Parallel: 2}, watch: true}
	var stdout, stderr testenv.SyncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- watchTests(ctx, f, &stdout, &stderr) }()

	waitFor(t, &stdout, "1 passed, 0 failed\n", 1)
	waitFor(t, &stderr, "watching for changes", 1)

	writeFiles(t, dir, map[string]string{"cases/good.json": wrongCase})
	waitFor(t, &stdout, "0 passed, 1 failed\n", 1)

	writeFiles(t, dir, map[string]string{"cases/more/new.json": goodCase})
	waitFor(t, &stdout, "1 passed, 1 failed\n", 1)

	writeFiles(t, dir, map[string]string{"cases/more/bad.json": `{"usr": 1}`})
	waitFor(t, &stderr, `bad.json:1:2: unknown field "usr"`, 1)

	if err := os.Remove(filepath.Join(dir, "cases/more/bad.json")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, &stdout, "1 passed, 1 failed\n", 2)

	// The script's profile now drops the username: both cases fail.
	writeFiles(t, dir, map[string]string{"fetchUserProfile.js": strings.Replace(bridge.ShippedScript, "username: user.name || undefined,", "", 1)})
	waitFor(t, &stdout, "0 passed, 2 failed\n", 1)

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("watch returned %v; want nil on cancel", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("watch did not stop when its context was canceled")
	}
	if strings.Contains(stdout.String(), watch.ClearScreen) {
		t.Error("screen cleared on a non-terminal")
	}
}
