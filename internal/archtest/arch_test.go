// Package archtest holds the architecture rules of the repository as tests:
// the limits a reader relies on to find one concept in one place. They read
// the source with go/parser; nothing is built or run.
package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The limits.
const (
	maxMethods       = 25   // per type, exported or not, value and pointer receivers
	maxCLILines      = 1300 // non-test lines of cmd/bridge: under 1,500 is the rule; the ceiling sits just above today's 1,271, never raise it
	maxCLIFuncLines  = 60   // per function in cmd/bridge
	repoRootFromHere = "../.."
)

// goFile is one parsed non-test Go file of the repository.
type goFile struct {
	path string // slash-separated, relative to the repository root
	ast  *ast.File
	fset *token.FileSet
	src  []byte
}

// sourceFiles parses every non-test .go file below the repository root,
// leaving out node_modules, testdata and dist.
func sourceFiles(t *testing.T) []goFile {
	t.Helper()
	var files []goFile
	fset := token.NewFileSet()
	err := filepath.WalkDir(repoRootFromHere, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", "testdata", "dist", ".git", "bin":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRootFromHere, path)
		files = append(files, goFile{path: filepath.ToSlash(rel), ast: f, fset: fset, src: src})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 100 {
		t.Fatalf("found only %d Go files below %s: is the walk rooted right?", len(files), repoRootFromHere)
	}
	return files
}

// receiverType names the type a method is declared on.
func receiverType(fn *ast.FuncDecl) string {
	typ := fn.Recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	switch x := typ.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.IndexExpr: // generic receiver T[P]
		if id, ok := x.X.(*ast.Ident); ok {
			return id.Name
		}
	case *ast.IndexListExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return id.Name
		}
	}
	return "?"
}

// TestNoTypeHasTooManyMethods: a type with more than 25 methods is a god
// struct to split (the k6 layout: one type per module, behind a host).
func TestNoTypeHasTooManyMethods(t *testing.T) {
	counts := map[string]int{}
	for _, f := range sourceFiles(t) {
		pkg := filepath.ToSlash(filepath.Dir(f.path))
		for _, d := range f.ast.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv != nil && len(fn.Recv.List) > 0 {
				counts[pkg+"."+receiverType(fn)]++
			}
		}
	}
	var most []string
	for typ, n := range counts {
		if n > maxMethods {
			t.Errorf("%s has %d methods, more than %d: split it by concept", typ, n, maxMethods)
		}
		most = append(most, typ)
	}
	sort.Slice(most, func(i, j int) bool { return counts[most[i]] > counts[most[j]] })
	for _, typ := range most[:min(5, len(most))] {
		t.Logf("%s: %d methods", typ, counts[typ])
	}
}

// TestCLIIsThin: cmd/bridge parses flags, calls packages and maps errors to
// exit codes; anything longer belongs in a package with its own tests.
func TestCLIIsThin(t *testing.T) {
	lines := 0
	for _, f := range sourceFiles(t) {
		if filepath.Dir(f.path) != "cmd/bridge" {
			continue
		}
		lines += strings.Count(string(f.src), "\n")
		for _, d := range f.ast.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			start, end := f.fset.Position(fn.Pos()).Line, f.fset.Position(fn.End()).Line
			if n := end - start + 1; n > maxCLIFuncLines {
				t.Errorf("%s: %s is %d lines, more than %d: move its logic into a package", f.path, fn.Name.Name, n, maxCLIFuncLines)
			}
		}
	}
	t.Logf("cmd/bridge: %d non-test lines (limit: %d)", lines, maxCLILines)
	if lines > maxCLILines {
		t.Errorf("cmd/bridge has %d non-test lines, over its limit of %d: move logic into packages", lines, maxCLILines)
	}
}

// TestSourcesAreInTheRepository: code, tests and embedded data cite docs/ or
// the public source, never a document outside the repository or an issue
// number a reader cannot follow.
func TestSourcesAreInTheRepository(t *testing.T) {
	outside := regexp.MustCompile(`FA[C]TS|\b[Ii]ssue \d+\b`)
	err := filepath.WalkDir(repoRootFromHere, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", "dist", ".git", "bin":
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".js", ".json", ".txtar", ".txt":
		default:
			return nil
		}
		if strings.HasSuffix(path, "package-lock.json") {
			return nil // lock files name no sources
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			if m := outside.FindString(line); m != "" {
				rel, _ := filepath.Rel(repoRootFromHere, path)
				t.Errorf("%s:%d cites %q: point into docs/ or at the public source instead", filepath.ToSlash(rel), i+1, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
