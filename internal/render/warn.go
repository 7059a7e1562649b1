package render

import (
	"fmt"
	"io"
)

// Warn writes one warning line on w, stderr: "bridge: warning: " and the
// text (README "Output": warnings go to stderr, stdout is the result).
func Warn(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "bridge: warning: "+format+"\n", args...)
}

// Warnings writes each of ws as a Warn line, in order.
func Warnings(w io.Writer, ws []string) {
	for _, s := range ws {
		Warn(w, "%s", s)
	}
}
