package exit

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Args is a command's positional arguments refused (exit 2): it shows the
// usage line and points to the help, as flag errors do. err is the check's
// own error, e.g. cobra's "accepts at most 1 arg(s), received 2"; cobra's
// NoArgs says "unknown command", which misleads for a stray argument, so it
// reads "takes no arguments".
func Args(name, useLine, path string, args []string, err error) error {
	what := err.Error()
	if strings.HasPrefix(what, "unknown command") {
		what = "takes no arguments"
	}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = fmt.Sprintf("%q", a)
	}
	return Usagef("%s: %s, got %s; usage: %s (see '%s --help')", name, what, strings.Join(quoted, " "), useLine, path)
}

// FlagsOf is args up to "--", where flags end.
func FlagsOf(args []string) []string {
	if i := slices.Index(args, "--"); i >= 0 {
		return args[:i]
	}
	return args
}

// WantsJSON reports whether a command line asks for the --json document: a
// flag value (flag looks up a parsed flag's value, "" when the command has
// none) of --json true or --format json, or, when a flag error stopped the
// parse before --json was read, --json among args' flags.
func WantsJSON(flag func(name string) (string, bool), args []string) bool {
	v, ok := flag("json")
	if !ok {
		return false
	}
	if v == "true" {
		return true
	}
	if f, ok := flag("format"); ok && f == "json" {
		return true
	}
	return slices.Contains(FlagsOf(args), "--json") || slices.Contains(FlagsOf(args), "--json=true")
}

// CountingWriter counts what was written through it, so that the CLI knows
// whether a --json command already printed its document.
type CountingWriter struct {
	W io.Writer
	N int64
}

func (c *CountingWriter) Write(p []byte) (int, error) {
	n, err := c.W.Write(p)
	c.N += int64(n)
	return n, err
}
