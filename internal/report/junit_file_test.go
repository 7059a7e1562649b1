package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteJUnitFile: the file holds what WriteJUnit writes, replacing what
// was there; a path in a missing directory is an error.
func TestWriteJUnitFile(t *testing.T) {
	r := sample()
	path := filepath.Join(t.TempDir(), "report.xml")
	if err := os.WriteFile(path, bytes.Repeat([]byte("old "), 10000), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteJUnitFile(path, r); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := WriteJUnit(&want, r); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("file = %q; want %q", got, want.String())
	}
	if err := WriteJUnitFile(filepath.Join(t.TempDir(), "missing", "r.xml"), r); err == nil || !os.IsNotExist(err) {
		t.Errorf("WriteJUnitFile in a missing directory = %v; want a not-exist error", err)
	}
}
