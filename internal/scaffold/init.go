package scaffold

import (
	"fmt"
	"io"
)

// Init is `bridge init DIR`: WriteFor(dir, k), the paths written on
// stdout, one a line (also those written before a failure), then on stderr
// their count and the Guide to what comes next. Its error is WriteFor's.
func Init(stdout, stderr io.Writer, dir string, k Kind) error {
	written, err := WriteFor(dir, k)
	for _, f := range written {
		fmt.Fprintln(stdout, f)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "bridge: wrote %d files\n%s", len(written), Guide(dir, k))
	return nil
}
