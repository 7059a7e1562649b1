// Package prefix starts each write with a fixed prefix, for progress and log
// lines that name their source ("bridge: ", "mock: ").
package prefix

import "io"

// writer writes prefix before each write to w.
type writer struct {
	w      io.Writer
	prefix string
}

// Writer returns a writer that writes prefix, then p, to w on each Write. The
// caller writes whole lines, one per Write, as log.Logger and bridge's
// progress do: a line split over two writes would get the prefix twice.
func Writer(w io.Writer, prefix string) io.Writer { return writer{w: w, prefix: prefix} }

func (p writer) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, p.prefix+string(b)); err != nil {
		return 0, err
	}
	return len(b), nil
}
