package exit

import (
	"context"
	"fmt"
	"io"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"
)

// Execute runs the command tree newRoot makes with args, as bridge's main
// does, and returns the exit code:
//   - SIGINT and SIGTERM cancel the command's context; a command they stop
//     before its checks were done fails (Interrupted);
//   - an error is said on stderr as "bridge: …", unless the command has
//     already said why (Silent);
//   - a --json command that printed nothing gets the error's Doc on stdout
//     (WantsJSON, WriteJSON);
//   - a panic in the command's goroutine is an internal error (Panicked,
//     WritePanicJSON).
func Execute(newRoot func() *cobra.Command, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	out := &Counter{W: stdout}
	defer func() {
		if v := recover(); v != nil {
			code = Panicked(stderr, v, debug.Stack())
			if out.N == 0 {
				WritePanicJSON(stdout, args, v)
			}
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	root := newRoot()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(out)
	root.SetErr(stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if err != nil && ctx.Err() != nil {
		// Ctrl-C or SIGTERM stopped the command before its checks were done:
		// nothing passed (exit 1), whatever the error the stop caused says.
		err = Interrupted(err)
	}
	if err != nil {
		if !Silent(err) {
			fmt.Fprintln(stderr, "bridge:", err)
		}
		if out.N == 0 && cmd != nil && WantsJSON(cmd.Flags(), args) {
			WriteJSON(stdout, err)
		}
	}
	return Code(err)
}
