package suiteconfig

import (
	"runtime"
	"testing"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge"
)

// The defaults are the public test consumer on every CPU, and each flag
// lands in its field.
func TestAddFlags(t *testing.T) {
	var f Flags
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	f.AddFlags(fs)
	if f.ConsumerKey != bridge.DefaultConsumerKey || f.Parallel != runtime.NumCPU() {
		t.Errorf("defaults: consumer key %q, parallel %d; want %q, %d", f.ConsumerKey, f.Parallel, bridge.DefaultConsumerKey, runtime.NumCPU())
	}
	err := fs.Parse([]string{"--cases", "c", "--run", "r", "--flavor", "cloud", "--parallel", "3", "--strict", "--consumer-key", "k", "--private-key", "p.pem"})
	if err != nil {
		t.Fatal(err)
	}
	want := Flags{CasesDir: "c", Run: "r", Flavor: "cloud", Parallel: 3, Strict: true, ConsumerKey: "k", PrivateKey: "p.pem"}
	if f != want {
		t.Errorf("flags landed in %+v, want %+v", f, want)
	}
	if err := f.Check(); err != nil {
		t.Errorf("Check() of parsed flags = %v", err)
	}
}
