// Package exit is bridge's exit-code policy: what each code means, the error
// that carries a code up to main, and the JSON document a --json command
// prints when it fails. Each code means one thing, everywhere in the CLI
// (README "Exit codes"). k6's errext/exitcodes is the model.
package exit

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// The exit codes.
const (
	OK          = 0 // ok
	CheckFailed = 1 // a check failed
	Usage       = 2 // bad usage or input
	Remote      = 3 // a remote service failed
	// Internal means bridge itself is broken: a command panicked. Not 1, 2
	// or 3: a bug is neither a failed check, nor bad input (2 is also what
	// Go exits with on an unrecovered panic, which would read as bad usage),
	// nor a remote failure, and a script must not take it for one. A panic
	// in a goroutine other than the command's own still crashes the process
	// (Go cannot recover it elsewhere).
	Internal = 4
)

// kinds name the codes in the --json error document.
var kinds = map[int]string{CheckFailed: "check", Usage: "usage", Remote: "remote", Internal: "internal"}

// Error carries an exit code up to main. A nil Err means the command has
// already said all it has to say (a failing report, for example).
type Error struct {
	Code int
	Err  error
}

func (e *Error) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Silent reports whether err is an *Error whose command has already said why.
func Silent(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Err == nil
}

// Usagef is bad usage or input (exit 2).
func Usagef(format string, args ...any) error {
	return &Error{Code: Usage, Err: fmt.Errorf(format, args...)}
}

// Failed ends the command with exit 1. err may be nil when the command
// already said why.
func Failed(err error) error { return &Error{Code: CheckFailed, Err: err} }

// RemoteFailed is a failure of a remote service (exit 3).
func RemoteFailed(err error) error { return &Error{Code: Remote, Err: err} }

// Code maps an error returned by a command to its exit code. Errors that do
// not say otherwise are bad usage: cobra's own flag errors land here.
func Code(err error) int {
	if err == nil {
		return OK
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Usage
}

// Interrupted turns the error of a command stopped by a signal into a failed
// check (exit 1) that says so, keeping what the command said, e.g. what
// publish had already changed.
func Interrupted(err error) error {
	if Silent(err) {
		return &Error{Code: CheckFailed, Err: errors.New("interrupted")}
	}
	return &Error{Code: CheckFailed, Err: fmt.Errorf("interrupted: %w", err)}
}

// Panicked says on w that a command panicked with v (a bug in bridge, not in
// the user's input or the services) and its stack, and returns Internal.
func Panicked(w io.Writer, v any, stack []byte) int {
	fmt.Fprintf(w, "bridge: internal error (a bug in bridge, not in your input; please report it with what follows): panic: %v\n%s", v, stack)
	return Internal
}

// Doc is what a --json command prints on stdout when it fails before it has
// a result to print (bad usage, unreadable input, a remote failure), so that
// stdout is one JSON document whatever happens. The message is the one on
// stderr; commands redact secrets from their errors before they return them.
type Doc struct {
	Error struct {
		Kind     string `json:"kind"` // usage, check, remote or internal: what the exit code means
		ExitCode int    `json:"exit_code"`
		Message  string `json:"message"`
	} `json:"error"`
}

// WriteJSON writes err's Doc to w.
func WriteJSON(w io.Writer, err error) {
	var doc Doc
	doc.Error.ExitCode = Code(err)
	doc.Error.Kind = kinds[doc.Error.ExitCode]
	if !Silent(err) { // else the command has said why on stderr
		doc.Error.Message = err.Error()
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(doc)
}
