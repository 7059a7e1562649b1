package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/didyoumean"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/version"
)

// Main runs the bridge CLI with args and returns its exit code. It is main's
// whole body, so that testscript can run the real CLI in-process.
//
// A panic in the command's goroutine is recovered: Main says it is an internal
// error and returns exit.Internal (internal/exit).
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(args, stdin, stdout, stderr)
}

// run is Main with extra commands beside bridge's own: test binaries add
// hidden ones that crash (panic_test.go). exit.Execute is the exit policy:
// signals, panics, the error on stderr and the --json error document.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, extra ...*cobra.Command) int {
	return exit.Execute(func() *cobra.Command { return newRootCmd(extra...) }, args, stdin, stdout, stderr)
}

// newRootCmd is bridge with its commands, and extra ones.
func newRootCmd(extra ...*cobra.Command) *cobra.Command {
	root := &cobra.Command{
		Use:           "bridge",
		Short:         "Verify and publish the JIRA login script of an Auth0 oauth1 connection",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version.Get().String(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return exit.Usagef("%w%s (see '%s --help')", err, didyoumean.FlagSet(err.Error(), c.Flags()), c.CommandPath())
	})
	cmds := []*cobra.Command{
		newMockCmd(),
		newRunCmd(),
		newTestCmd(),
		newInitCmd(),
		newKeygenCmd(),
		newConnectionCmd(),
		newPublishCmd(),
		newLiveCmd(),
		newVersionCmd(),
		newPullCmd(),
		newWorkerCmd(), // hidden: a sandbox worker (internal/sandbox)
	}
	describe(root, "root")
	for _, c := range append(cmds, extra...) {
		describe(c, c.Name())
		if c.Args != nil {
			c.Args = usageArgs(c.Args)
		}
		root.AddCommand(c)
	}
	return root
}

// usageArgs makes a command's argument errors usage errors (exit 2) that show
// the usage line and point to the help, as flag errors do (exit.Args).
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if err := check(c, args); err != nil {
			return exit.Args(err, c.Name(), args, c.UseLine(), c.CommandPath())
		}
		return nil
	}
}
