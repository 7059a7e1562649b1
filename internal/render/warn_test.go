package render

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
)

// TestWarnings: each warning is one "bridge: warning: " line, in order.
func TestWarnings(t *testing.T) {
	var b bytes.Buffer
	Warn(&b, "%s uses http", "x")
	Warnings(&b, []string{"one", "two"})
	if want := "bridge: warning: x uses http\nbridge: warning: one\nbridge: warning: two\n"; b.String() != want {
		t.Errorf("wrote %q; want %q", b.String(), want)
	}
}

// TestIaC: warnings on stderr; the files' paths, then the rendering, on
// stdout.
func TestIaC(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := IaC(&stdout, &stderr, connection.IaCOutput{Stdout: []byte("resource {}\n"), Files: []string{"a.tf", "b.js"}, Warnings: []string{"write both"}})
	if err != nil || stdout.String() != "a.tf\nb.js\nresource {}\n" || stderr.String() != "bridge: warning: write both\n" {
		t.Errorf("IaC = %v, stdout %q, stderr %q", err, stdout.String(), stderr.String())
	}
}

// clientsTenant answers GetEnabledClients alone, as the publish.Tenant of
// TestPublished (the other methods are never called).
type clientsTenant struct {
	publish.Tenant
	ids []string
	err error
}

func (c clientsTenant) GetEnabledClients(context.Context, string) ([]string, error) {
	return c.ids, c.err
}

// TestPublished: the result goes to stdout; a connection no application
// can use, or enabled clients that cannot be read, warn on stderr.
func TestPublished(t *testing.T) {
	tenant, _ := auth0.ParseTenant("example.auth0.com")
	res := &publish.Result{Action: publish.Updated, Name: "jira", ConnectionID: "con_1", Changes: []string{}}
	for _, tc := range []struct {
		client publish.Tenant
		warn   string
	}{
		{clientsTenant{ids: []string{"app"}}, ""},
		{clientsTenant{}, "bridge: warning: connection jira has no enabled clients, so no application can use it"},
		{clientsTenant{err: errors.New("403")}, "bridge: warning: publish: reading the enabled clients of jira (con_1): 403\n"},
	} {
		var stdout, stderr bytes.Buffer
		if err := Published(context.Background(), &stdout, &stderr, tc.client, res, tenant, false); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(stdout.Bytes(), []byte("updated jira (con_1)\n")) {
			t.Errorf("stdout = %q", stdout.String())
		}
		if got := stderr.String(); tc.warn == "" && got != "" || !bytes.HasPrefix([]byte(got), []byte(tc.warn)) {
			t.Errorf("stderr = %q; want it to start with %q", got, tc.warn)
		}
	}
}
