package mockcfg

import (
	"errors"
	"testing"

	"github.com/spf13/pflag"
)

// TestAddFlagsFillsFlags: each flag lands in its field, the defaults are
// what `bridge mock --help` shows, and the names are the ones FlagError
// reports.
func TestAddFlagsFillsFlags(t *testing.T) {
	var f Flags
	fs := pflag.NewFlagSet("mock", pflag.ContinueOnError)
	f.AddFlags(fs)
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	if want := (Flags{Addr: "127.0.0.1:8080", Flavor: "server", ConsumerKey: "auth0-jira", Protocol: "oauth1"}); f != want {
		t.Errorf("defaults %+v; want %+v", f, want)
	}
	err := fs.Parse([]string{"--addr", "127.0.0.1:0", "--flavor", "cloud", "--users", "u.json", "--consumer-key", "k",
		"--public-key", "p.pub", "--auto-approve", "fred", "--context-path", "/jira", "--protocol", "oauth2",
		"--jira-client-id", "id", "--jira-client-secret", "s", "--redirect-uri", "https://t.auth0.com/login/callback"})
	if err != nil {
		t.Fatal(err)
	}
	want := Flags{Addr: "127.0.0.1:0", Flavor: "cloud", Users: "u.json", ConsumerKey: "k", PublicKey: "p.pub", AutoApprove: "fred",
		ContextPath: "/jira", Protocol: "oauth2", ClientID: "id", ClientSecret: "s", RedirectURI: "https://t.auth0.com/login/callback"}
	if f != want {
		t.Errorf("got %+v; want %+v", f, want)
	}
	f.Flavor = "dc"
	var fe *FlagError
	if _, err := f.Config(nil); !errors.As(err, &fe) || fs.Lookup(fe.Flag[2:]) == nil {
		t.Errorf("Config: %v; want a *FlagError naming a registered flag", err)
	}
}
