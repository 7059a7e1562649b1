package nodemod

import (
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/inspect"
)

// jsonwebtoken's errors print like Node's: "Name: message" then frames,
// not bracketed as an error without a stack.
func TestJWTErrorPrintsStack(t *testing.T) {
	vm := goja.New()
	in, err := inspect.New(vm)
	if err != nil {
		t.Fatal(err)
	}
	jwt, _, err := NewLoader(vm, in).Require("jsonwebtoken")
	if err != nil {
		t.Fatal(err)
	}
	_ = vm.Set("jwt", jwt)
	e, err := vm.RunString("(function caller() { try { jwt.verify('a.b', 's'); } catch (e) { return e; } })()")
	if err != nil {
		t.Fatal(err)
	}
	got, err := in.Format(e)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, "JsonWebTokenError: jwt malformed\n    at ") || !strings.Contains(got, "caller") {
		t.Fatalf("console.log(err) = %q, want Node's header and frames", got)
	}
	if strings.Contains(got, "at JsonWebTokenError") || strings.Contains(got, "{") {
		t.Fatalf("console.log(err) = %q: constructor frames or duplicate keys shown", got)
	}
}
