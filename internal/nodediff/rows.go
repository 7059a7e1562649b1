package nodediff

import (
	"encoding/json"
	"testing"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// harness evaluates each row (a JS program, its completion value is the
// result) in global scope and encodes the result the same way on both
// engines: "S:" + a string result, "J:" + JSON.stringify of any other value,
// or "E:" + error name + ": " + message when the row throws.
const harness = `(function (rows) {
  var out = [];
  for (var i = 0; i < rows.length; i++) {
    try {
      var v = (0, eval)(rows[i]);
      out.push(typeof v === 'string' ? 'S:' + v : 'J:' + JSON.stringify(v));
    } catch (e) {
      out.push('E:' + (e && e.name) + ': ' + (e && e.message));
    }
  }
  return JSON.stringify(out);
})`

// Node evaluates rows with the real Node of rt, after prelude.
func Node(t testing.TB, rt testenv.Runtime, prelude string, rows []string) []string {
	t.Helper()
	src, _ := json.Marshal(rows)
	out := Run(t, rt, prelude+";\nconsole.log("+harness+"("+string(src)+"));")
	var res []string
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%s: decode harness output: %v\n%s", rt.Name, err, out)
	}
	return res
}

// Goja evaluates rows in vm, which the caller has prepared (require, globals).
func Goja(t testing.TB, vm *goja.Runtime, rows []string) []string {
	t.Helper()
	src, _ := json.Marshal(rows)
	v, err := vm.RunString(harness + "(" + string(src) + ")")
	if err != nil {
		t.Fatalf("goja harness: %v", err)
	}
	var res []string
	if err := json.Unmarshal([]byte(v.String()), &res); err != nil {
		t.Fatalf("goja: decode harness output: %v", err)
	}
	return res
}

// Compare runs rows on every reference Node (testenv.ForEachNode: subtests
// node22 and node18) and on a fresh goja runtime built by newVM(name), name
// being the runtime's Name, and reports every row whose results differ.
func Compare(t *testing.T, prelude string, newVM func(runtime string) *goja.Runtime, rows []string) {
	t.Helper()
	CompareWith(t, prelude, newVM, rows, func(node, goja string) bool { return node == goja })
}

// CompareWith is Compare with a custom equivalence of encoded results.
func CompareWith(t *testing.T, prelude string, newVM func(runtime string) *goja.Runtime, rows []string, same func(node, goja string) bool) {
	t.Helper()
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		want := Node(t, rt, prelude, rows)
		vm := newVM(rt.Name)
		if _, err := vm.RunString(prelude); err != nil {
			t.Fatalf("goja prelude: %v", err)
		}
		got := Goja(t, vm, rows)
		for i, row := range rows {
			if !same(want[i], got[i]) {
				t.Errorf("row %d %q\n node: %s\n goja: %s", i, row, want[i], got[i])
			}
		}
	})
}
