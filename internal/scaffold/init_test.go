package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestInit: the paths go to stdout, the count and the guide to stderr; a
// second init into the same directory lists nothing and fails as WriteFor
// does.
func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mine")
	var stdout, stderr bytes.Buffer
	if err := Init(&stdout, &stderr, dir, Kind{Protocol: "oauth1", Flavor: "server"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	if lines[0] != filepath.Join(dir, ScriptName) || len(lines) < 2 {
		t.Errorf("stdout = %q; want the script first, then the cases", stdout.String())
	}
	want := fmt.Sprintf("bridge: wrote %d files\n", len(lines)) + Guide(dir, Kind{Protocol: "oauth1", Flavor: "server"})
	if stderr.String() != want {
		t.Errorf("stderr = %q; want %q", stderr.String(), want)
	}
	stdout.Reset()
	var ee *ExistsError
	if err := Init(&stdout, &stderr, dir, Kind{Protocol: "oauth1", Flavor: "server"}); !errors.As(err, &ee) || stdout.Len() != 0 {
		t.Errorf("second Init = %v, stdout %q; want an *ExistsError and nothing listed", err, stdout.String())
	}
}
