package publish

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The backup is private (0600), lands in dir whatever the tenant calls the
// connection, and never replaces an earlier backup.
func TestWriteBackup(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 28, 23, 0, 0, 0, time.UTC)
	raw := json.RawMessage(`{"id":"con_1","options":{"client_secret":"s"}}`)
	var paths []string
	for i, tc := range []struct{ name, id string }{
		{"jira", "con_abc"},
		{"jira", "con_abc"}, // same second: a second file
		{"..", "../../escape"},
		{"", "a/b\\c"},
	} {
		p, err := writeBackup(dir, tc.name, tc.id, raw, now)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Dir(p) != dir {
			t.Errorf("backup %d (%q, %q) written to %s, outside %s", i, tc.name, tc.id, p, dir)
		}
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("backup %s has mode %v, want 0600", p, fi.Mode().Perm())
		}
		paths = append(paths, p)
	}
	if paths[0] == paths[1] {
		t.Errorf("the second backup overwrote the first: %s", paths[0])
	}
	if got, _ := os.ReadFile(paths[0]); len(got) == 0 {
		t.Error("the first backup is empty")
	}
	if filepath.Base(paths[0]) != "jira-con_abc-20261128T230000Z.json" {
		t.Errorf("backup name %s", filepath.Base(paths[0]))
	}
}
