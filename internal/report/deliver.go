package report

import (
	"fmt"
	"io"
)

// JUnitError is a JUnit file Deliver could not write.
type JUnitError struct{ Err error }

func (e *JUnitError) Error() string { return e.Err.Error() }
func (e *JUnitError) Unwrap() error { return e.Err }

// Deliver is a finished run's report where `bridge test` sends it: on
// stdout in format f (Write), then, when junit is a path, as JUnit XML in
// that file (WriteJUnitFile; its failure is a *JUnitError). The verdict,
// r.Passed, is the caller's.
func Deliver(stdout io.Writer, f Format, r *Report, opts TextOptions, junit string) error {
	if err := Write(stdout, f, r, opts); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	if junit == "" {
		return nil
	}
	if err := WriteJUnitFile(junit, r); err != nil {
		return &JUnitError{Err: err}
	}
	return nil
}
