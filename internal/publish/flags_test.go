package publish

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
)

// The flags land in Flags, and Plan hands their choices, the runtime and a
// client of the tenant to the plan.
func TestFlagsPlan(t *testing.T) {
	var f Flags
	fs := pflag.NewFlagSet("publish", pflag.ContinueOnError)
	f.AddFlags(fs)
	err := fs.Parse([]string{"--enabled-clients", "a,b", "--dry-run", "--backup-dir", "bk", "--restore", "r.json"})
	if err != nil {
		t.Fatal(err)
	}
	want := Flags{EnabledClients: []string{"a", "b"}, DryRun: true, BackupDir: "bk", Restore: "r.json"}
	if !reflect.DeepEqual(f, want) {
		t.Fatalf("flags landed in %+v, want %+v", f, want)
	}
	tenant, err := auth0.ParseTenant("example.eu.auth0.com")
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	plan, err := f.Plan(validated(t, ""), "node18", tenant, auth0.Credentials{APIToken: "t"}, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.DryRun || plan.BackupDir != "bk" || !reflect.DeepEqual(plan.EnabledClients, []string{"a", "b"}) {
		t.Errorf("plan choices: dry-run %v, backup dir %q, clients %q", plan.DryRun, plan.BackupDir, plan.EnabledClients)
	}
	if c, ok := plan.Client.(*auth0.Client); !ok || c.Log != plan.Log {
		t.Errorf("plan.Client = %T, want an *auth0.Client logging on the plan's log", plan.Client)
	}
}

// A --cases directory without case files stops the plan with the cases'
// own error, which names the directory; nothing is prepared.
func TestFlagsPlanRefusesEmptyCases(t *testing.T) {
	dir := t.TempDir()
	f := Flags{CasesDir: dir}
	tenant, _ := auth0.ParseTenant("example.eu.auth0.com")
	plan, err := f.Plan(validated(t, ""), "", tenant, auth0.Credentials{APIToken: "t"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "no case files") || !strings.Contains(err.Error(), dir) || plan.Client != nil {
		t.Fatalf("Plan(empty cases) = client %v, err %v; want the cases' error naming %s", plan.Client, err, dir)
	}
}
