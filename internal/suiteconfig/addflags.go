package suiteconfig

import (
	"runtime"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge"
)

// AddFlags registers the suite's flags of `bridge test` on fs: --cases,
// --run, --flavor, --parallel, --strict, --consumer-key and --private-key.
// The script and its limits (--script, --runtime, --timeout, --max-memory)
// and --protocol are the CLI's flags shared with other commands; it copies
// them into f. Flags owns its flags, as kubectl's options structs do, so a
// renamed flag touches this package only.
func (f *Flags) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&f.CasesDir, "cases", "", "directory of case files, *.json at any depth (default: the built-in suite)")
	fs.StringVar(&f.Run, "run", "", "run only the cases whose name matches this regexp")
	fs.StringVar(&f.Flavor, "flavor", "", "run only the cases of this JIRA flavor: server or cloud")
	fs.IntVar(&f.Parallel, "parallel", runtime.NumCPU(), "cases run at once, each on its own JavaScript runtime")
	fs.BoolVar(&f.Strict, "strict", false, "warnings of the Auth0 profile checks fail a case too")
	fs.StringVar(&f.ConsumerKey, "consumer-key", bridge.DefaultConsumerKey, "consumer key the mock trusts and the script signs as")
	fs.StringVar(&f.PrivateKey, "private-key", "", "PEM file of the consumer's RSA private key (default: the public test key)")
}
