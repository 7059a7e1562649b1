package keygen

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
)

// TestAddFlagsDefaults: the defaults `bridge keygen --help` shows.
func TestAddFlagsDefaults(t *testing.T) {
	var o Options
	fs := pflag.NewFlagSet("keygen", pflag.ContinueOnError)
	o.AddFlags(fs)
	if err := fs.Parse([]string{"--force", "--json"}); err != nil {
		t.Fatal(err)
	}
	want := Options{Out: "jira", Bits: 2048, ConsumerKey: bridge.DefaultConsumerKey, ConsumerName: "Auth0", Force: true, JSON: true}
	if o != want {
		t.Errorf("got %+v; want %+v", o, want)
	}
}

// TestUsageErrNamesTheFlags: each error of Check and Write is bad usage
// (exit 2) whose text names the flag to change.
func TestUsageErrNamesTheFlags(t *testing.T) {
	dir := t.TempDir()
	prefix := filepath.Join(dir, "jira")
	if _, err := Write(prefix, 2048, false); err != nil {
		t.Fatal(err)
	}
	_, existsErr := Write(prefix, 2048, false)
	tests := []struct {
		err  error
		want string
	}{
		{Check("keys/", 2048), `--out "keys/": give a path prefix such as jira or keys/jira, not a directory`},
		{Check("jira", 1), "--bits 1: choose 2048 to 8192; 2048 is what the Auth0 guide uses"},
		{existsErr, prefix + ".key exists: pass --force to replace the pair (JIRA must then get the new public key) or choose another --out"},
		{&ExistsError{Path: "p.pub"}, "p.pub exists: pass --force to replace it or choose another --out"},
		{&WriteError{Path: "p.key", Err: os.ErrPermission}, "writing p.key: permission denied; check that its directory exists and is writable"},
		{errors.New("other"), "other"},
	}
	for _, tt := range tests {
		got := UsageErr(tt.err)
		if got.Error() != tt.want || exit.Code(got) != exit.Usage {
			t.Errorf("UsageErr(%v) = %q (exit %d); want %q (exit 2)", tt.err, got, exit.Code(got), tt.want)
		}
	}
}
