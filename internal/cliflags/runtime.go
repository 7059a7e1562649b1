package cliflags

import (
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// Runtime is the script and its limits: --script, --timeout and
// --max-memory and --runtime, in run, live, test and publish.
type Runtime struct {
	Script    string
	Timeout   time.Duration
	MaxMemory string
	Runtime   string // --runtime: script.RuntimeNode22 or script.RuntimeNode18
}

// AddFlags registers the flags; a command may refine a flag's usage afterwards.
func (f *Runtime) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&f.Script, "script", "", "fetchUserProfile script file, with JIRA_URL where the base URL goes (default: the shipped script)")
	fs.DurationVar(&f.Timeout, "timeout", script.DefaultTimeout, "time limit of the script, like Auth0's")
	fs.StringVar(&f.MaxMemory, "max-memory", "256MiB", "heap ceiling of the script, e.g. 128MiB; at least 16MiB (the watchdog measures the process heap)")
	AddRuntimeFlag(fs, &f.Runtime)
}

// AddRuntimeFlag registers --runtime, Auth0's Node the script runs as.
func AddRuntimeFlag(fs *pflag.FlagSet, rt *string) {
	fs.StringVar(rt, "runtime", script.RuntimeNode22, "Auth0 runtime to emulate: "+strings.Join(script.Runtimes, " or ")+" (Auth0 recommends node22; node18 is deprecated)")
}

// CheckRuntime refuses a --runtime bridge does not model (exit 2).
func CheckRuntime(rt string) error {
	if rt == script.RuntimeDefault || slices.Contains(script.Runtimes, rt) {
		return nil
	}
	return exit.Usagef("--runtime %q: use %s", rt, strings.Join(script.Runtimes, " or "))
}

// Limits checks --runtime, --timeout and --max-memory (exit 2) and returns the memory
// ceiling in bytes; "" (a Runtime made in a test) is the runtime's
// default, 0.
func (f *Runtime) Limits() (int64, error) {
	if err := CheckRuntime(f.Runtime); err != nil {
		return 0, err
	}
	if f.Timeout <= 0 {
		return 0, exit.Usagef("--timeout %s: give a positive duration such as 20s", f.Timeout)
	}
	if f.MaxMemory == "" {
		return 0, nil
	}
	return ParseMaxMemory(f.MaxMemory)
}

// Load loads --script, or the shipped script.
func (f *Runtime) Load() (scriptsrc.Source, error) { return f.LoadFor("oauth1", "") }

// LoadFor loads --script, or the shipped script of protocol and flavor.
func (f *Runtime) LoadFor(protocol, flavor string) (scriptsrc.Source, error) {
	src, err := scriptsrc.LoadFor(f.Script, protocol, flavor)
	if err != nil {
		return src, exit.Usagef("--script: %v; pass a fetchUserProfile script (`bridge init` writes one)", err)
	}
	return src, nil
}

// ParseMaxMemory parses --max-memory into bytes, refusing what
// script.ParseSize refuses and ceilings below script.MinMaxMemory (exit 2).
func ParseMaxMemory(s string) (int64, error) {
	n, err := script.ParseSize(s)
	if err != nil {
		return 0, exit.Usagef("--max-memory: %v", err)
	}
	if n < script.MinMaxMemory {
		return 0, exit.Usagef("--max-memory %s is below the minimum of 16MiB: the ceiling is on the growth of the whole process's heap, not the script's alone, so a smaller one fails runs at random; give 16MiB or more, or leave the flag out for %s", s, "256MiB")
	}
	return n, nil
}
