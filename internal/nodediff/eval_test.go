package nodediff

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// rows are snippets whose outcome Node 22 and Node 18 agree on, written by
// hand from Node's documentation, to check the harness reads values and
// errors back faithfully.
var rows = []struct {
	name, src string
	want      Result
}{
	{"number", "return 1 + 1", Result{Value: json.RawMessage("2")}},
	{"object", "return {a: [1, 'x'], b: null}", Result{Value: json.RawMessage(`{"a":[1,"x"],"b":null}`)}},
	{"undefined", "return undefined", Result{Undefined: true}},
	{"awaited promise", "return await new Promise(r => setTimeout(() => r('late'), 1))", Result{Value: json.RawMessage(`"late"`)}},
	{"TypeError", "const o = undefined; return o.c", Result{Error: &Error{"TypeError", "Cannot read properties of undefined (reading 'c')"}}},
	{"ReferenceError", "return notDefined", Result{Error: &Error{"ReferenceError", "notDefined is not defined"}}},
	{"thrown string", "throw 'plain'", Result{Error: &Error{"", "plain"}}},
	{"Buffer base64url", "return Buffer.from('hé?>').toString('base64url')", Result{Value: json.RawMessage(`"aMOpPz4"`)}},
	{"UTC", "return new Date(0).toString()", Result{Value: json.RawMessage(`"Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"`)}},
	{"jsonwebtoken decode", "return require('jsonwebtoken').decode('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmcmVkIn0.x')", Result{Value: json.RawMessage(`{"sub":"fred"}`)}},
	{"jsonwebtoken verify error", "try { require('jsonwebtoken').verify('a.b.c', 's') } catch (e) { return [e.name, e.message] }", Result{Value: json.RawMessage(`["JsonWebTokenError","invalid token"]`)}},
	{"oauth version", "return require('oauth/package.json').version", Result{Value: json.RawMessage(`"0.10.2"`)}},
}

func TestEval(t *testing.T) {
	srcs := make([]string, len(rows))
	for i, r := range rows {
		srcs[i] = r.src
	}
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		got, err := Eval(context.Background(), rt, srcs)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			if !got[i].Equal(r.want) {
				t.Errorf("%s: %s gives %s, want %s", r.name, rt.Name, got[i], r.want)
			}
		}
	})
}

// TestEvalDiffersByRuntime shows each subtest really runs its own runtime:
// the major versions node22 and node18 report differ.
func TestEvalDiffersByRuntime(t *testing.T) {
	var seen []Result
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		got, err := Eval(context.Background(), rt, []string{"return process.version.split('.')[0]"})
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, got[0])
	})
	if len(seen) == 2 && seen[0].Equal(seen[1]) {
		t.Errorf("node22 and node18 both report %s", seen[0])
	}
}

func TestResultEqual(t *testing.T) {
	a := Result{Value: json.RawMessage(`{"a": 1}`)}
	if !a.Equal(Result{Value: json.RawMessage(`{"a":1}`)}) {
		t.Error("compacted JSON should compare equal")
	}
	if a.Equal(Result{Error: &Error{"TypeError", "x"}}) || a.Equal(Result{Undefined: true}) {
		t.Error("a value equals no error and not undefined")
	}
	if (Result{Error: &Error{"TypeError", "x"}}).Equal(Result{Error: &Error{"TypeError", "y"}}) {
		t.Error("messages differ")
	}
}
