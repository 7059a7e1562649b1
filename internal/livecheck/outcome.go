package livecheck

import (
	"context"
	"errors"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// Stage is where a check stopped before the script ran.
type Stage string

// The stages a check can stop at.
const (
	StageWorker Stage = "worker" // the sandbox worker process did not start
	StageDance  Stage = "dance"  // the dance failed: a *live.Error, or ctx's error
	StageSave   Stage = "save"   // the token file could not be written
)

// Error is a check that stopped at Stage because of Err. Its message is
// Err's.
type Error struct {
	Stage Stage
	Err   error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// ErrStopped is a dance stopped by its context (Ctrl-C) before it was done.
var ErrStopped = errors.New("live: stopped before the dance was done")

// danceErr is the dance's failure at StageDance: a *live.Error, ErrStopped
// for a cancelled context, or the error as it is.
func danceErr(err error) *Error {
	var le *live.Error
	if errors.Is(err, context.Canceled) && !errors.As(err, &le) {
		err = ErrStopped
	}
	return &Error{Stage: StageDance, Err: err}
}

// Outcome is how a check ended: the script's Result, or Err.
type Outcome struct {
	Result *script.Result
	// Real says the script ran against JIRA; false when it did not
	// compile, so nothing was sent (only a real JIRA's failures are not the
	// script's: verdict.Judge).
	Real    bool
	Sources map[string]string // file name to source, for the line of a failure's stack
	// Err is why the check stopped before the script ran: an *Error, or
	// what CompileFailed was given.
	Err error
	Log io.Writer // stderr with every secret known by then redacted, for what the caller prints next
}

// CompileFailed is the Outcome of a script that did not compile: a
// *script.SyntaxError is the script's failure (script.CompileFailure); any
// other error (an unreadable file) is the Outcome's Err, as it is.
func CompileFailed(err error, log io.Writer) Outcome {
	var se *script.SyntaxError
	if errors.As(err, &se) {
		return Outcome{Result: script.CompileFailure(se), Log: log}
	}
	return Outcome{Err: err, Log: log}
}
