package main

import (
	"encoding/json"
	"errors"
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

// errorJSON is what a --json command prints on stdout when it fails before it
// has a result to print (bad usage, unreadable input, a remote failure), so
// that stdout is one JSON document whatever happens. The message is the one on
// stderr; commands redact secrets from their errors before they return them.
type errorJSON struct {
	Error struct {
		Kind     string `json:"kind"` // usage, check, remote or internal: what the exit code means
		ExitCode int    `json:"exit_code"`
		Message  string `json:"message"`
	} `json:"error"`
}

// exitKinds names the exit codes in errorJSON.
var exitKinds = map[int]string{ExitCheckFailed: "check", ExitUsage: "usage", ExitRemote: "remote", ExitInternal: "internal"}

func writeErrorJSON(w io.Writer, err error) {
	var doc errorJSON
	doc.Error.ExitCode = exitCode(err)
	doc.Error.Kind = exitKinds[doc.Error.ExitCode]
	doc.Error.Message = err.Error()
	var ee *exitError
	if errors.As(err, &ee) && ee.Err == nil {
		doc.Error.Message = "" // the command has said why on stderr
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(doc)
}
