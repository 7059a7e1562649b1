package pull

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeliver: without a directory the script alone goes to stdout; with
// one, the files are written, their paths go to stdout and the next step to
// stderr; a directory that cannot be made is a *WriteError.
func TestDeliver(t *testing.T) {
	r := &Result{Script: "function fetchUserProfile() {}\n", Settings: Settings{Name: "jira"}}
	var stdout, stderr bytes.Buffer
	if err := r.Deliver(&stdout, &stderr, ""); err != nil || stdout.String() != r.Script || stderr.Len() != 0 {
		t.Fatalf("Deliver to stdout = %v, %q, %q", err, stdout.String(), stderr.String())
	}
	stdout.Reset()
	dir := filepath.Join(t.TempDir(), "out")
	if err := r.Deliver(&stdout, &stderr, dir); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, ScriptFile)
	if want := script + "\n" + filepath.Join(dir, SettingsFile) + "\n"; stdout.String() != want {
		t.Errorf("stdout = %q; want %q", stdout.String(), want)
	}
	if want := "bridge: pulled jira; next: bridge test --script " + script + " --cases DIR\n"; stderr.String() != want {
		t.Errorf("stderr = %q; want %q", stderr.String(), want)
	}
	if data, _ := os.ReadFile(script); string(data) != r.Script {
		t.Errorf("%s holds %q", script, data)
	}
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	var we *WriteError
	if err := r.Deliver(&stdout, &stderr, file); !errors.As(err, &we) || !strings.Contains(err.Error(), "choose another --out") || stdout.Len() != 0 {
		t.Errorf("Deliver into a file = %v, stdout %q", err, stdout.String())
	}
}
