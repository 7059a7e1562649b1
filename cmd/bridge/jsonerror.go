package main

import (
	"io"

	"github.com/spf13/cobra"
)

// countingWriter counts what a command wrote to stdout, so that Main knows
// whether a --json command already printed its document.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// wantsJSON reports whether cmd was asked for --json. args are the command
// line, for when a flag error stopped the parse before --json.
func wantsJSON(cmd *cobra.Command, args []string) bool {
	if cmd == nil {
		return false
	}
	f := cmd.Flags().Lookup("json")
	if f == nil {
		return false
	}
	if f.Value.String() == "true" {
		return true
	}
	if ff := cmd.Flags().Lookup("format"); ff != nil && ff.Value.String() == "json" {
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
