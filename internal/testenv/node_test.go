package testenv

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestRuntimes checks each reference is what its name says: the binary's
// major version, UTC as its time zone, and the pinned modules resolvable
// through NODE_PATH.
func TestRuntimes(t *testing.T) {
	ForEachNode(t, func(t *testing.T, r Runtime) {
		out, err := r.Command("-e", `console.log(JSON.stringify({
  v: process.version,
  tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
  offset: new Date(2024, 6, 1).getTimezoneOffset(),
  oauth: require('oauth/package.json').version,
  request: require('request/package.json').version,
  jwt: require('jsonwebtoken/package.json').version,
}))`).Output()
		if err != nil {
			t.Fatalf("%s: %v", r.Node(), err)
		}
		var got struct {
			V, TZ, OAuth, Request, JWT string
			Offset                     int
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%s printed %q: %v", r.Name, out, err)
		}
		if !strings.HasPrefix(got.V, fmt.Sprintf("v%d.", r.Major)) {
			t.Errorf("%s runs %s, want Node %d", r.Node(), got.V, r.Major)
		}
		if got.TZ != "UTC" || got.Offset != 0 {
			t.Errorf("time zone %q offset %d, want UTC", got.TZ, got.Offset)
		}
		if got.OAuth != "0.10.2" || got.Request != "2.88.2" || got.JWT != "9.0.2" {
			t.Errorf("modules oauth %s request %s jsonwebtoken %s, want the pinned 0.10.2, 2.88.2, 9.0.2", got.OAuth, got.Request, got.JWT)
		}
		for name, want := range map[string]string{"oauth": "0.10.2", "request": "2.88.2", "jsonwebtoken": "9.0.2"} {
			r.NeedModule(t, name, want)
		}
	})
}

func TestRuntimeNames(t *testing.T) {
	var names []string
	for _, r := range Runtimes() {
		names = append(names, r.Name)
	}
	if strings.Join(names, ",") != "node22,node18" {
		t.Errorf("runtimes %v, want node22 (Auth0's recommended) then node18", names)
	}
	if Root() == "" || !strings.HasSuffix(Node22.Node(), "testdata/node22/node_modules/.bin/node") {
		t.Errorf("root %q, node22 at %q", Root(), Node22.Node())
	}
}
