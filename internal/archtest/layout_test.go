package archtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// layoutFolders are the top-level folders README.md's code layout names
// besides every folder of internal/.
var layoutFolders = []string{"cmd/bridge", "bench", "scripts", "docs", "testdata"}

// TestREADMEListsEveryPackage: README.md's "Code layout" section names every
// folder of internal/ (and the top-level ones), each as `path`, so the
// package map matches the folders.
func TestREADMEListsEveryPackage(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRootFromHere, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Code layout\n")
	if !ok {
		t.Fatal(`README.md has no "## Code layout" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	entries, err := os.ReadDir(filepath.Join(repoRootFromHere, "internal"))
	if err != nil {
		t.Fatal(err)
	}
	want := append([]string(nil), layoutFolders...)
	for _, e := range entries {
		if e.IsDir() {
			want = append(want, "internal/"+e.Name())
		}
	}
	if len(want) < len(layoutFolders)+10 {
		t.Fatalf("found only %d folders: is the walk rooted right?", len(want))
	}
	for _, dir := range want {
		if !strings.Contains(section, "`"+dir+"`") {
			t.Errorf("README.md's code layout does not list `%s`: add one line saying what it holds", dir)
		}
	}
}
