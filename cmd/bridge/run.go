package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jiratarget"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/verdict"
)

// runFlags are `bridge run`'s flags.
type runFlags struct {
	runtime cliflags.Runtime
	target  jiratarget.Flags // the mock, or a real JIRA
	asJSON  bool
}

func newRunCmd() *cobra.Command {
	f := &runFlags{}
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the fetchUserProfile script once, against the mock JIRA or a real one",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runRun(cmd, f) },
	}
	fs := cmd.Flags()
	f.runtime.AddFlags(fs)
	fs.BoolVar(&f.asJSON, "json", false, "print the result as one JSON object on stdout")
	f.target.AddFlags(fs)
	return cmd
}

func runRun(cmd *cobra.Command, f *runFlags) error {
	maxMemory, err := f.runtime.Limits()
	if err != nil {
		return err
	}
	if err := cliflags.CheckProtocol(f.target.Protocol, false); err != nil {
		return err
	}
	src, err := f.runtime.LoadFor(f.target.Protocol, f.target.Flavor)
	if err != nil {
		return err
	}
	real := f.target.Real(cmd.Flags())
	if err := cliflags.CheckMockScript(src); err != nil && !real {
		return err
	}
	want, err := f.target.Want(cmd.Flags())
	if err != nil {
		return err
	}
	target, err := jiratarget.Open(cmd.Context(), want)
	if err != nil {
		return jiratarget.ExitErr(err)
	}
	defer target.Close()
	res := target.Run(cmd.Context(), src, script.Options{Timeout: f.runtime.Timeout, MaxMemory: maxMemory, Runtime: f.runtime.Runtime})
	return printResult(cmd.OutOrStdout(), cmd.ErrOrStderr(), res, f.asJSON, real, src.Sources())
}

// printResult prints a run's Result, for `bridge run` and `bridge live`, as
// JSON (asJSON) or text (render), and turns its verdict into the exit code:
// 1 unless the script returned a profile without error findings; against a
// real JIRA (realJIRA), 3 when the run failed because JIRA did.
// sources (file name to source) lets a failure quote the line of its stack.
func printResult(stdout, stderr io.Writer, res *script.Result, asJSON, realJIRA bool, sources map[string]string) error {
	v := verdict.Judge(res, realJIRA)
	if err := render.Run(stdout, stderr, res, v.Findings, sources, asJSON); err != nil {
		return err
	}
	switch v.Kind {
	case verdict.JIRAFailed:
		return exit.RemoteFailed(fmt.Errorf("JIRA failed (%s), so the script could not be checked; try again, or check that JIRA is up and that this machine reaches it", v.JIRAFailure))
	case verdict.Failed:
		return exit.Failed(nil)
	}
	return nil
}
