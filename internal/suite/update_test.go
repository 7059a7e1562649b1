package suite

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// copyCases copies the shipped cases into a temporary directory and loads them.
func copyCases(t *testing.T) (string, []*cases.Case) {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "cases")
	dir := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := cases.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, cs
}

// A changed mapping (user_id from another field) fails the Server cases;
// UpdateCases rewrites their expect, and the suite then passes, --strict too.
func TestUpdateCasesAfterMappingChange(t *testing.T) {
	src := strings.Replace(bridge.ShippedScript, "toProfile(user, user.name)", "toProfile(user, 'k-' + user.name)", 1)
	if src == bridge.ShippedScript {
		t.Fatal("the shipped script no longer maps user_id with toProfile(user, user.name)")
	}
	prog, err := script.Compile("fetchUserProfile.js", src)
	if err != nil {
		t.Fatal(err)
	}
	dir, cs := copyCases(t)
	rep := run(t, Options{Program: prog, Cases: cs, Strict: true})
	failed := rep.Summary.Failed
	if failed == 0 {
		t.Fatal("the changed mapping fails no case")
	}
	changes, err := UpdateCases(cs, rep)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != failed {
		t.Errorf("%d changes for %d failed cases: %q", len(changes), failed, changes)
	}
	cs, err = cases.LoadDir(dir)
	if err != nil {
		t.Fatalf("updated cases do not load: %v", err)
	}
	rep = run(t, Options{Program: prog, Cases: cs, Strict: true})
	if !rep.Passed() {
		for _, c := range rep.Cases {
			if c.Status != "pass" {
				t.Errorf("%s still fails: %v", c.Name, c.Failures)
			}
		}
	}
	// Nothing left to update.
	if changes, err := UpdateCases(cs, rep); err != nil || len(changes) != 0 {
		t.Errorf("second update: %v %q", err, changes)
	}
}

// Update says each change on its log, then their count; with nothing to
// change it says 0.
func TestUpdateSaysWhatChanged(t *testing.T) {
	src := strings.Replace(bridge.ShippedScript, "toProfile(user, user.name)", "toProfile(user, 'k-' + user.name)", 1)
	prog, err := script.Compile("fetchUserProfile.js", src)
	if err != nil {
		t.Fatal(err)
	}
	_, cs := copyCases(t)
	rep := run(t, Options{Program: prog, Cases: cs})
	var log bytes.Buffer
	if err := Update(cs, rep, &log); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(log.String(), "\n"), "\n")
	want := fmt.Sprintf("bridge: --update: %d change(s); running again", rep.Summary.Failed)
	if rep.Summary.Failed == 0 || len(lines) != rep.Summary.Failed+1 || lines[len(lines)-1] != want {
		t.Fatalf("log for %d failed cases:\n%s", rep.Summary.Failed, log.String())
	}
	for _, l := range lines[:len(lines)-1] {
		if !strings.HasPrefix(l, "bridge: updated ") {
			t.Errorf("change line %q lacks \"bridge: updated \"", l)
		}
	}
	log.Reset()
	if err := Update(cs, run(t, Options{Program: prog, Cases: cs}), &log); err != nil || log.String() != "bridge: --update: 0 change(s); running again\n" {
		t.Errorf("second Update: %v, log %q", err, log.String())
	}
}
