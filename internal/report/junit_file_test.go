package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteJUnitFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.xml")
	if err := os.WriteFile(path, []byte("old content that is longer than nothing"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteJUnitFile(path, &Report{Script: "s.js"}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), "<?xml") || strings.Contains(string(data), "old content") {
		t.Fatalf("file holds %q", data)
	}
	if err := WriteJUnitFile(filepath.Join(t.TempDir(), "missing", "r.xml"), &Report{}); err == nil {
		t.Fatal("a file in a missing directory was written")
	}
}
