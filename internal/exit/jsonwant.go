package exit

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// Counter counts what a command wrote to stdout, so that main knows whether
// a --json command already printed its document.
type Counter struct {
	W io.Writer
	N int64
}

func (c *Counter) Write(p []byte) (int, error) {
	n, err := c.W.Write(p)
	c.N += int64(n)
	return n, err
}

// Unwrap is the writer counted, for those that look through the counter
// (render.IsTerminal).
func (c *Counter) Unwrap() io.Writer { return c.W }

// WantsJSON reports whether a command with the flags fs was asked for --json
// (or --format json). args are the command line, for when a flag error
// stopped the parse before --json. A command without --json never is.
func WantsJSON(fs *pflag.FlagSet, args []string) bool {
	f := fs.Lookup("json")
	if f == nil {
		return false
	}
	if f.Value.String() == "true" {
		return true
	}
	if ff := fs.Lookup("format"); ff != nil && ff.Value.String() == "json" {
		return true
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "--json" || a == "--json=true" {
			return true
		}
	}
	return false
}

// WritePanicJSON writes, when the command line asks for --json before any
// "--", the Doc of a command that panicked with v, so that stdout is still
// one JSON document.
func WritePanicJSON(w io.Writer, args []string, v any) {
	if i := slices.Index(args, "--"); i >= 0 {
		args = args[:i]
	}
	if slices.Contains(args, "--json") {
		WriteJSON(w, &Error{Code: Internal, Err: fmt.Errorf("internal error (a bug in bridge): panic: %v", v)})
	}
}

// Args is a command's refused arguments as bad usage (exit 2) that shows the
// usage line and points to the help, as flag errors do. err is the argument
// check's: cobra's own NoArgs says "unknown command", which misleads for a
// stray argument, so it reads "takes no arguments".
func Args(err error, name string, args []string, useLine, path string) error {
	what := err.Error() // e.g. "accepts at most 1 arg(s), received 2"
	if strings.HasPrefix(what, "unknown command") {
		what = "takes no arguments"
	}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = fmt.Sprintf("%q", a)
	}
	return Usagef("%s: %s, got %s; usage: %s (see '%s --help')", name, what, strings.Join(quoted, " "), useLine, path)
}
