package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// Exit codes. Each means one thing, everywhere in the CLI.
const (
	ExitOK          = 0 // ok
	ExitCheckFailed = 1 // a check failed
	ExitUsage       = 2 // bad usage or input
	ExitRemote      = 3 // a remote service failed
	// ExitInternal means bridge itself is broken: a command panicked. Main
	// recovers the panic, says "bridge: internal error" with the panic and
	// its stack on stderr and exits 4. Not 1, 2 or 3: a bug is neither a
	// failed check, nor bad input (2 is also what Go exits with on an
	// unrecovered panic, which would read as bad usage), nor a remote
	// failure, and a script must not take it for one. A panic in a goroutine
	// other than the command's own still crashes the process (Go cannot
	// recover it elsewhere).
	ExitInternal = 4
)

// exitError carries an exit code up to Main. A nil Err means the command has
// already said all it has to say (a failing report, for example).
type exitError struct {
	Code int
	Err  error
}

func (e *exitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *exitError) Unwrap() error { return e.Err }

// usageErr marks err as bad usage or input (exit 2).
func usageErr(format string, args ...any) error {
	return &exitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}

// checkFailed ends the command with exit 1. err may be nil when the report
// already said why.
func checkFailed(err error) error { return &exitError{Code: ExitCheckFailed, Err: err} }

// remoteErr marks err as a failure of a remote service (exit 3).
func remoteErr(err error) error { return &exitError{Code: ExitRemote, Err: err} }

// exitCode maps an error returned by a command to its exit code. Errors that do
// not say otherwise are bad usage: cobra's own flag errors land here.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return ExitUsage
}

// interrupted turns the error of a command stopped by a signal into a failed
// check (exit 1) that says so, keeping what the command said, e.g. what
// publish had already changed.
func interrupted(err error) error {
	var ee *exitError
	if errors.As(err, &ee) && ee.Err == nil {
		return &exitError{Code: ExitCheckFailed, Err: errors.New("interrupted")}
	}
	return &exitError{Code: ExitCheckFailed, Err: fmt.Errorf("interrupted: %w", err)}
}

// internalError is what Main says and returns when a command panicked: a bug
// in bridge, not in the user's input or the services (see ExitInternal).
func internalError(stderr io.Writer, v any, stack []byte) int {
	fmt.Fprintf(stderr, "bridge: internal error (a bug in bridge, not in your input; please report it with what follows): panic: %v\n%s", v, stack)
	return ExitInternal
}

// unwrapPathError keeps "op FILE: reason" without Go's wrapping noise.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe
	}
	return err
}
