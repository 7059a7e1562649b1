package jiramock

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// maxMethods is the house rule: no type with more than 25 methods.
const maxMethods = 25

// TestMethodCounts counts every method declared in the package, test files
// included, value and pointer receivers alike, per receiver type: Mock and
// its OAuth 1.0a and OAuth 2.0 providers must each stay within maxMethods.
func TestMethodCounts(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	fset := gotoken.NewFileSet()
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || len(fn.Recv.List) == 0 {
				continue
			}
			typ := fn.Recv.List[0].Type
			if star, ok := typ.(*ast.StarExpr); ok {
				typ = star.X
			}
			if id, ok := typ.(*ast.Ident); ok {
				counts[id.Name]++
			}
		}
	}
	for _, must := range []string{"Mock", "oauth1Provider", "oauth2Provider"} {
		if counts[must] == 0 {
			t.Errorf("found no methods of %s: did it move?", must)
		}
	}
	var report []string
	for typ, n := range counts {
		if n > maxMethods {
			t.Errorf("%s has %d methods, more than %d: split it", typ, n, maxMethods)
		}
		report = append(report, typ+"="+strconv.Itoa(n))
	}
	t.Logf("methods per type: %s", strings.Join(report, " "))
}
