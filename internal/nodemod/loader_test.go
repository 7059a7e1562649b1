package nodemod

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/inspect"
)

func TestLoaderCachesAndRefusesOthers(t *testing.T) {
	vm := goja.New()
	in, err := inspect.New(vm)
	if err != nil {
		t.Fatal(err)
	}
	l := NewLoader(vm, in)
	for _, name := range Names {
		a, ok, err := l.Require(name)
		if !ok || err != nil {
			t.Fatalf("Require(%q) = ok %v, err %v", name, ok, err)
		}
		b, _, _ := l.Require(name)
		if a != b {
			t.Errorf("Require(%q) twice gave two objects; Node caches modules", name)
		}
	}
	if _, ok, _ := l.Require("fs"); ok {
		t.Error(`Require("fs") = ok; want not provided`)
	}
}
