package cases

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/bench/gen"
)

// genCases writes n generated cases (bench/gen, as `go run ./bench/gencases`
// does) into a temporary directory.
func genCases(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	if _, err := gen.Write(dir, n, gen.DefaultSeed); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkLoad loads 1,000 generated case files from disk: what `bridge test
// --cases DIR` does before its workers start.
func BenchmarkLoad(b *testing.B) {
	dir := genCases(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		cs, err := LoadDir(dir)
		if err != nil || len(cs) != 1000 {
			b.Fatalf("LoadDir: %d cases, %v", len(cs), err)
		}
	}
}

// BenchmarkParse parses the same 1,000 files from memory: Load without the
// file system.
func BenchmarkParse(b *testing.B) {
	dir := genCases(b, 1000)
	type file struct {
		name string
		data []byte
	}
	var files []file
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		data, err := os.ReadFile(p)
		files = append(files, file{p, data})
		return err
	})
	if err != nil || len(files) != 1000 {
		b.Fatalf("%d files, %v", len(files), err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			if _, err := Parse(f.name, f.name, f.data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
