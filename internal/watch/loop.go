package watch

import (
	"context"
	"fmt"
	"io"
)

// ClearScreen moves the cursor home and clears the terminal (ANSI).
const ClearScreen = "\x1b[H\x1b[2J"

// Loop calls run, then again after each change, until ctx ends; then it
// returns nil. Before each run it clears screen, when screen is not nil (a
// terminal). After each run it says on log that it watches; watch errors go
// to log too, and the watch goes on. run reports its own failures: a run
// that fails does not end the loop.
func (w *Watcher) Loop(ctx context.Context, screen, log io.Writer, run func()) error {
	for {
		if screen != nil {
			_, _ = io.WriteString(screen, ClearScreen)
		}
		run()
		fmt.Fprintf(log, "bridge: watching for changes (Ctrl-C stops)\n")
		if w.Next(ctx, func(err error) { fmt.Fprintln(log, "bridge: --watch:", err) }) != nil {
			return nil
		}
	}
}
