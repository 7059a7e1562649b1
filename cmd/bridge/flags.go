package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// jiraFlags name a JIRA and the consumer that signs for it: --jira-url,
// --consumer-key and --private-key, in run, live, connection and publish.
type jiraFlags struct {
	url, consumerKey, privateKey string
	keyPEM                       []byte // the key from stdin or BRIDGE_PRIVATE_KEY (flags_env.go)
}

// add registers the flags. For run they are optional: they pick a real JIRA
// instead of the mock.
func (f *jiraFlags) add(fs *pflag.FlagSet, required bool) {
	url, req, keyReq := "JIRA's base URL, e.g. https://jira.example.com or https://example.com/jira", " (required; env BRIDGE_JIRA_URL)", " (required; - reads stdin; env BRIDGE_PRIVATE_KEY holds the PEM itself; see bridge keygen)"
	if !required {
		url, req, keyReq = "a real JIRA's base URL (instead of the mock)", "", " (see bridge keygen)"
	}
	fs.StringVar(&f.url, "jira-url", "", url+req)
	fs.StringVar(&f.consumerKey, "consumer-key", "", "the Consumer Key of JIRA's incoming Application Link, e.g. auth0-jira"+strings.Replace(req, "BRIDGE_JIRA_URL", "BRIDGE_CONSUMER_KEY", 1))
	fs.StringVar(&f.privateKey, "private-key", "", "PEM file of the consumer's RSA private key, PKCS#1 or PKCS#8, unencrypted"+keyReq)
}

// missing lists the flags left empty, as "--jira-url".
func (f *jiraFlags) missing() []string {
	return missingFlags(flagValue{"--jira-url", f.url}, flagValue{"--consumer-key", f.consumerKey}, flagValue{"--private-key", f.privateKey})
}

// jiraURLErr turns a refused --jira-url (a *jira.URLError of
// jira.NormalizeBaseURL, which publish applies too) into bad usage naming the
// flag, with the fix.
func jiraURLErr(err error) error {
	var ue *jira.URLError
	if errors.As(err, &ue) {
		return exit.Usagef("--jira-url: %s; %s", ue.Detail, ue.Fix)
	}
	return exit.Usagef("--jira-url: %w", err)
}

type flagValue struct{ flag, value string }

// missingFlags lists the flags whose value is empty.
func missingFlags(fvs ...flagValue) []string {
	var missing []string
	for _, fv := range fvs {
		if fv.value == "" {
			missing = append(missing, fv.flag)
		}
	}
	return missing
}

// runtimeFlags are the script and its limits: --script, --timeout and
// --max-memory, in run, live and test.
type runtimeFlags struct {
	script    string
	timeout   time.Duration
	maxMemory string
}

// add registers the flags; a command may refine a flag's usage afterwards.
func (f *runtimeFlags) add(fs *pflag.FlagSet) {
	fs.StringVar(&f.script, "script", "", "fetchUserProfile script file, with JIRA_URL where the base URL goes (default: the shipped script)")
	fs.DurationVar(&f.timeout, "timeout", script.DefaultTimeout, "time limit of the script, like Auth0's")
	fs.StringVar(&f.maxMemory, "max-memory", "256MiB", "heap ceiling of the script, e.g. 128MiB; at least 16MiB (the watchdog measures the process heap)")
}

// limits checks --timeout and --max-memory (exit 2) and returns the memory
// ceiling in bytes; "" (a runtimeFlags made in a test) is the runtime's
// default, 0.
func (f *runtimeFlags) limits() (int64, error) {
	if f.timeout <= 0 {
		return 0, exit.Usagef("--timeout %s: give a positive duration such as 20s", f.timeout)
	}
	if f.maxMemory == "" {
		return 0, nil
	}
	return parseMaxMemory(f.maxMemory)
}

// load loads --script, or the shipped script.
func (f *runtimeFlags) load() (scriptsrc.Source, error) { return f.loadFor("oauth1", "") }

// loadFor loads --script, or the shipped script of protocol and flavor.
func (f *runtimeFlags) loadFor(protocol, flavor string) (scriptsrc.Source, error) {
	src, err := scriptsrc.LoadFor(f.script, protocol, flavor)
	if err != nil {
		return src, exit.Usagef("--script: %v; pass a fetchUserProfile script (`bridge init` writes one)", err)
	}
	return src, nil
}

// minMaxMemory is the smallest --max-memory accepted. The script runtime's
// watchdog measures the growth of the whole process's heap, sampled every
// 5 ms (internal/script/memory.go and doc.go, "Memory"), not the script's own
// allocations: the mock JIRA, the HTTP stack and the garbage collector's
// timing move it by megabytes, so a smaller ceiling fails runs at random, or
// not at all, without saying anything about the script.
const minMaxMemory = 16 << 20

// parseMaxMemory parses --max-memory into bytes, refusing what
// script.ParseSize refuses and ceilings below minMaxMemory (exit 2).
func parseMaxMemory(s string) (int64, error) {
	n, err := script.ParseSize(s)
	if err != nil {
		return 0, exit.Usagef("--max-memory: %v", err)
	}
	if n < minMaxMemory {
		return 0, exit.Usagef("--max-memory %s is below the minimum of 16MiB: the ceiling is on the growth of the whole process's heap, not the script's alone, so a smaller one fails runs at random; give 16MiB or more, or leave the flag out for %s", s, "256MiB")
	}
	return n, nil
}

// checkOutputFile refuses, before any work, an output path whose directory
// does not exist or that is a directory (exit 2): --save-token, --junit.
func checkOutputFile(flag, path, example string) error {
	if path == "" {
		return nil
	}
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return exit.Usagef("%s %s: the directory %s does not exist; create it or pick another path", flag, path, dir)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return exit.Usagef("%s %s is a directory; give a file name, e.g. %s", flag, path, filepath.Join(path, example))
	}
	return nil
}
