package render

import (
	"io"
	"os"

	"golang.org/x/term"
)

// IsTerminal reports whether w is a terminal that may get colours: a
// terminal (golang.org/x/term), with NO_COLOR unset and TERM not "dumb". It
// looks through a writer that wraps another with Unwrap() io.Writer, such as
// main's stdout counter (exit.Counter).
func IsTerminal(w io.Writer) bool {
	if u, ok := w.(interface{ Unwrap() io.Writer }); ok {
		w = u.Unwrap()
	}
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return term.IsTerminal(int(f.Fd()))
}
