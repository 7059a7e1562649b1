package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/prefix"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/suite"
	"github.com/jira-auth0-bridge/bridge/internal/suiteconfig"
)

// testFlags are the flags of `bridge test`.
type testFlags struct {
	runtime cliflags.Runtime
	suiteconfig.Flags
	out         report.Flags
	compareWith string
	watch       bool
	update      bool
}

func newTestCmd() *cobra.Command {
	f := &testFlags{}
	cmd := &cobra.Command{
		Use:   "test [--script FILE] [--cases DIR] [flags]",
		Short: "Run the test cases against the fetchUserProfile script, on a mock JIRA",
		Args:  cobra.NoArgs,
	}
	fs := cmd.Flags()
	f.runtime.AddFlags(fs)
	f.Flags.AddFlags(fs)
	fs.Lookup("timeout").Usage = "the script's time limit per case, unless the case sets its own"
	fs.Lookup("max-memory").Usage += "; parallel cases share it"
	cliflags.AddProtocolFlag(fs, &f.Protocol, "", "run only the cases of this protocol (default: both, each with its shipped script)")
	fs.StringVar(&f.compareWith, "compare-with", "", "migration check: run this OAuth 1.0a script and --script (OAuth 2.0) over the same users; report user_id, email, email_verified changes")
	f.out.AddFlags(fs)
	fs.BoolVar(&f.update, "update", false, "rewrite the expect of the failing cases from their results, print what changed on stderr, then run again")
	fs.BoolVar(&f.watch, "watch", false, "run again whenever the script or a case file changes (Ctrl-C stops); with --json, one document per run")

	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		if err := f.check(); err != nil {
			return err
		}
		if f.compareWith != "" {
			return runCompare(cmd.Context(), f, cmd.OutOrStdout(), cmd.ErrOrStderr())
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
	if f.Parallel < 1 {
		return exit.Usagef("--parallel %d: run at least 1 case at once", f.Parallel)
	}
	in, err := f.inputs()
	if err != nil {
		return err
	}
	if err := in.Check(); err != nil {
		return &exit.Error{Code: exit.Usage, Err: err}
	}
	if err := f.checkReport(); err != nil {
		return err
	}
	// Found before the suite runs, a bad --junit path costs no run.
	return cliflags.CheckOutputFile("--junit", f.out.JUnit, "report.xml")
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
		len(opts.Cases), suiteconfig.CasesName(f.CasesDir), opts.ScriptName, min(opts.Parallel, len(opts.Cases)))
	rep, err := suite.Run(ctx, opts)
	if err != nil {
		return err
	}
	if f.update {
		return updateAndRerun(ctx, f, opts, rep, stdout, stderr)
	}
	return writeReport(rep, f, stdout, opts.Sources())
}

// inputs are the flags that choose and configure the suite; --runtime,
// --timeout and --max-memory are checked (exit 2).
func (f *testFlags) inputs() (suiteconfig.Flags, error) {
	in := f.Flags
	in.Script, in.Runtime, in.Timeout = f.runtime.Script, f.runtime.Runtime, f.runtime.Timeout
	var err error
	in.MaxMemory, err = f.runtime.Limits()
	return in, err
}

// options loads the script, the cases and the key the flags name
// (suiteconfig.Flags.Options; exit 2 for bad input).
func (f *testFlags) options(stderr io.Writer) (suite.Options, error) {
	in, err := f.inputs()
	if err != nil {
		return suite.Options{}, err
	}
	src, err := f.runtime.Load()
	if err != nil {
		return suite.Options{}, err
	}
	if err := cliflags.CheckMockScript(src); err != nil {
		return suite.Options{}, err
	}
	var mockLog io.Writer
	if f.out.Verbose {
		mockLog = prefix.Writer(stderr, "mock: ")
	}
	opts, err := in.Options(src, mockLog)
	if errors.Is(err, suiteconfig.ErrNeedsCases) {
		return opts, cliflags.NeedsCases(f.runtime.Script)
	} else if err != nil {
		return opts, &exit.Error{Code: exit.Usage, Err: err}
	}
	return opts, nil
}

// writeReport delivers the report (report.Flags.Deliver: stdout, the JUnit
// file) and turns the verdict into the exit code.
// sources maps the script's name to its source, for the report's excerpts.
func writeReport(rep *suite.Report, f *testFlags, stdout io.Writer, sources map[string]string) error {
	err := f.out.Deliver(stdout, rep, render.IsTerminal(stdout), sources)
	switch {
	case errors.As(err, new(*report.JUnitError)):
		return &exit.Error{Code: exit.Usage, Err: err}
	case err != nil:
		return err
	case !rep.Passed():
		return exit.Failed(nil)
	}
	return nil
}
