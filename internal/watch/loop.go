package watch

import (
	"context"
	"fmt"
	"io"
)

// ClearScreen moves the cursor home and clears the terminal (ANSI).
const ClearScreen = "\x1b[H\x1b[2J"

// Loop calls run, then again after each change Next reports, until ctx ends
// or the watcher stops. Before each run it clears screen, unless screen is
// nil (not a terminal); after each it says on log that it is watching. The
// watch's own errors go to log too, and the watch goes on.
func (w *Watcher) Loop(ctx context.Context, screen, log io.Writer, run func()) {
	for {
		if screen != nil {
			_, _ = io.WriteString(screen, ClearScreen)
		}
		run()
		fmt.Fprintf(log, "bridge: watching for changes (Ctrl-C stops)\n")
		if w.Next(ctx, func(err error) { fmt.Fprintln(log, "bridge: --watch:", err) }) != nil {
			return
		}
	}
}
