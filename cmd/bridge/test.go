package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/inputfile"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/suite"
)

func init() { commands = append(commands, newTestCmd) }

// testFlags are the flags of `bridge test`.
type testFlags struct {
	script, casesDir, run, flavor, junit string
	consumerKey, privateKey, maxMemory   string
	timeout                              time.Duration
	parallel                             int
	strict, json, verbose, watch         bool
}

func newTestCmd() *cobra.Command {
	f := &testFlags{}
	cmd := &cobra.Command{
		Use:   "test [--script FILE] [--cases DIR] [flags]",
		Short: "Run the test cases against the fetchUserProfile script, on a mock JIRA",
		Long: `test runs every case of a suite against the fetchUserProfile script, in a
sandbox like Auth0's, against one mock JIRA that checks every OAuth 1.0a
RSA-SHA1 signature. Each case serves its own JIRA user with its own faults and
says what the script must produce: a profile (matched exactly, every field,
type and value) or an error (outcome kind and message regexp). Every profile is
also checked against Auth0's normalized-profile rules: errors fail the case,
warnings only with --strict.

Defaults: the shipped script and the default suite built into bridge. Start a
suite of your own with ` + "`bridge init DIR`" + `. A case file is one JSON object:

  {"description": "…", "flavor": "server|cloud", "user": {…JIRA user…},
   "faults": {"session|user|myself": {"status": 500, "body": "…",
              "contentType": "…", "delay": "2s", "redirect": "/path", "drop": true}},
   "timeout": "200ms",
   "expect": {"profile": {…}} | {"error": {"kind": "callback", "message": "regexp"}}}

Error kinds: ` + cases.ErrorKinds + `.

stdout: the report: one line per case with its time, details of each failure
(field diff, outcome and JS stack, console, the mock's request log), and last
the line "N passed, N failed". --json prints one JSON document instead.
stderr: progress and errors.
Exit codes: 0 all cases pass, 1 a case fails, 2 bad usage or a bad case file
(with file:line:col).`,
		Example: `  bridge test
  bridge test --script fetchUserProfile.js --cases cases --run 'server/' -v
  bridge test --json --junit report.xml --parallel 8
  bridge test --script my/fetchUserProfile.js --cases my/cases --watch`,
		Args: cobra.NoArgs,
	}
	fs := cmd.Flags()
	fs.StringVar(&f.script, "script", "", "fetchUserProfile script file, with JIRA_URL where the base URL goes (default: the shipped script)")
	fs.StringVar(&f.casesDir, "cases", "", "directory of case files, *.json at any depth (default: the built-in suite)")
	fs.StringVar(&f.run, "run", "", "run only the cases whose name matches this regexp")
	fs.StringVar(&f.flavor, "flavor", "", "run only the cases of this JIRA flavor: server or cloud")
	fs.DurationVar(&f.timeout, "timeout", script.DefaultTimeout, "the script's time limit per case, unless the case sets its own")
	fs.IntVar(&f.parallel, "parallel", runtime.NumCPU(), "cases run at once, each on its own JavaScript runtime")
	fs.StringVar(&f.maxMemory, "max-memory", "256MiB", maxMemoryHelp+"; parallel cases share it")
	fs.BoolVar(&f.strict, "strict", false, "warnings of the Auth0 profile checks fail a case too")
	fs.BoolVar(&f.json, "json", false, "print the report as one JSON document on stdout")
	fs.StringVar(&f.junit, "junit", "", "also write the report as JUnit XML to this file")
	fs.BoolVarP(&f.verbose, "verbose", "v", false, "show the details of passing cases too, and the mock's log on stderr")
	fs.BoolVar(&f.watch, "watch", false, "run again whenever the script or a case file changes (Ctrl-C stops); with --json, one document per run")
	fs.StringVar(&f.consumerKey, "consumer-key", bridge.DefaultConsumerKey, "consumer key the mock trusts and the script signs as")
	fs.StringVar(&f.privateKey, "private-key", "", "PEM file of the consumer's RSA private key (default: the public test key)")

	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		if err := f.check(); err != nil {
			return err
		}
		if f.watch {
			return watchTests(cmd.Context(), f, cmd.OutOrStdout(), cmd.ErrOrStderr())
		}
		return runTests(cmd.Context(), f, cmd.OutOrStdout(), cmd.ErrOrStderr())
	}
	return cmd
}

// check rejects bad flag values before anything runs (exit 2).
func (f *testFlags) check() error {
	if f.parallel < 1 {
		return usageErr("--parallel %d: run at least 1 case at once", f.parallel)
	}
	if f.timeout <= 0 {
		return usageErr("--timeout %s: give a positive duration such as 5s", f.timeout)
	}
	if _, err := f.maxMemoryBytes(); err != nil {
		return err
	}
	if strings.TrimSpace(f.consumerKey) == "" {
		return usageErr("--consumer-key is empty; give the consumer key the script signs as, or leave the flag out for %s", bridge.DefaultConsumerKey)
	}
	if f.flavor != "" {
		if _, err := jiramock.ParseFlavor(f.flavor); err != nil {
			return usageErr("--flavor %q: use server or cloud", f.flavor)
		}
	}
	if _, err := regexp.Compile(f.run); err != nil {
		return usageErr("--run: %v", err)
	}
	// Found before the suite runs, a bad --junit path costs no run.
	if f.junit != "" {
		dir := filepath.Dir(f.junit)
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return usageErr("--junit %s: the directory %s does not exist; create it or pick another path", f.junit, dir)
		}
		if info, err := os.Stat(f.junit); err == nil && info.IsDir() {
			return usageErr("--junit %s is a directory; give a file name, e.g. %s", f.junit, filepath.Join(f.junit, "report.xml"))
		}
	}
	return nil
}

// runTests runs the suite once and writes the report. It returns nil when
// every case passed, an exit-1 error when one failed, and an exit-2 error for
// bad input.
func runTests(ctx context.Context, f *testFlags, stdout, stderr io.Writer) error {
	opts, err := f.options(stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "bridge: running %d case(s) of %s against %s on %d worker(s)\n",
		len(opts.Cases), f.casesName(), opts.ScriptName, min(opts.Parallel, len(opts.Cases)))
	rep, err := suite.Run(ctx, opts)
	if err != nil {
		return err
	}
	return writeReport(rep, f, stdout, map[string]string{opts.ScriptName: opts.ScriptSource})
}

// options loads the script, the cases and the key the flags name.
func (f *testFlags) options(stderr io.Writer) (suite.Options, error) {
	maxMemory, err := f.maxMemoryBytes()
	if err != nil {
		return suite.Options{}, err
	}
	opts := suite.Options{Timeout: f.timeout, Parallel: f.parallel, Strict: f.strict, ConsumerKey: f.consumerKey, MaxMemory: maxMemory}
	name, src := bridge.ShippedScriptName, bridge.ShippedScript
	if f.script != "" {
		data, err := inputfile.Read(f.script, inputfile.MaxScript, "script")
		if err != nil {
			return opts, usageErr("--script: %v; pass a fetchUserProfile script (`bridge init` writes one)", err)
		}
		name, src = f.script, string(data)
	}
	prog, err := script.Compile(name, src)
	var serr *script.SyntaxError
	switch {
	case errors.As(err, &serr):
		// Not bad input but a failed check: every case reports the syntax
		// outcome, and a case may expect exactly that.
		opts.SyntaxError = serr
	case err != nil:
		return opts, usageErr("--script %s: %v", name, err)
	}
	opts.Program, opts.ScriptName, opts.ScriptSource = prog, name, src

	var cs []*cases.Case
	if f.casesDir == "" {
		cs, err = cases.Default()
	} else {
		cs, err = cases.LoadDir(f.casesDir)
	}
	if err != nil {
		return opts, &exitError{Code: ExitUsage, Err: err}
	}
	var run *regexp.Regexp
	if f.run != "" {
		run = regexp.MustCompile(f.run)
	}
	opts.Cases = cases.Filter(cs, run, jiramock.Flavor(f.flavor))
	if len(opts.Cases) == 0 {
		var sel []string
		if f.run != "" {
			sel = append(sel, fmt.Sprintf("--run %q", f.run))
		}
		if f.flavor != "" {
			sel = append(sel, fmt.Sprintf("--flavor %s", f.flavor))
		}
		return opts, usageErr("no case of %s matches %s (%d case(s) in all); loosen the selection", f.casesName(), strings.Join(sel, " "), len(cs))
	}

	if f.privateKey != "" {
		key, pemBytes, err := keys.LoadPrivateKey(f.privateKey)
		if err != nil {
			return opts, usageErr("--private-key: %v", err)
		}
		opts.PrivateKey, opts.PrivateKeyPEM = key, string(pemBytes)
	}
	if f.verbose {
		opts.MockLog = mockLogWriter{w: stderr, prefix: "mock: "}
	}
	return opts, nil
}

func (f *testFlags) casesName() string {
	if f.casesDir == "" {
		return "the built-in suite"
	}
	return f.casesDir
}

// writeReport prints the report (text or JSON) on stdout, writes the JUnit
// file, and turns the verdict into the exit code.
// sources maps the script's name to its source, for the report's excerpts.
func writeReport(rep *suite.Report, f *testFlags, stdout io.Writer, sources map[string]string) error {
	var err error
	if f.json {
		err = report.WriteJSON(stdout, rep)
	} else {
		err = report.WriteText(stdout, rep, report.TextOptions{Color: isTerminal(stdout), Verbose: f.verbose, Sources: sources})
	}
	if err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	if f.junit != "" {
		if err := writeJUnit(f.junit, rep); err != nil {
			return usageErr("--junit: %v", err)
		}
	}
	if !rep.Passed() {
		return checkFailed(nil)
	}
	return nil
}

func writeJUnit(path string, rep *suite.Report) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := report.WriteJUnit(out, rep); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// isTerminal reports whether w is a terminal that may get colours: a
// character device, with NO_COLOR unset and TERM not "dumb".
func isTerminal(w io.Writer) bool {
	if cw, ok := w.(*countingWriter); ok {
		w = cw.w
	}
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// mockLogWriter prefixes every write (one log line each) with prefix.
type mockLogWriter struct {
	w      io.Writer
	prefix string
}

func (p mockLogWriter) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, p.prefix+string(b)); err != nil {
		return 0, err
	}
	return len(b), nil
}

// maxMemoryBytes is --max-memory in bytes. The flag's default is 256MiB; a
// testFlags made without it (as in tests) means the runtime's default, 0.
func (f *testFlags) maxMemoryBytes() (int64, error) {
	if f.maxMemory == "" {
		return 0, nil
	}
	return parseMaxMemory(f.maxMemory)
}
