package pull

import (
	"fmt"
	"io"
)

// WriteError is a file Deliver could not write into its directory.
type WriteError struct{ Err error }

func (e *WriteError) Error() string { return e.Err.Error() }
func (e *WriteError) Unwrap() error { return e.Err }

// Deliver puts r where the user asked: without dir, the script alone on
// stdout, ready to test or diff; with dir, the files of Write, their paths on
// stdout (also those written before a failure, a *WriteError) and the next
// step on stderr: testing what is deployed (README "Day two").
func (r *Result) Deliver(stdout, stderr io.Writer, dir string) error {
	if dir == "" {
		_, err := fmt.Fprint(stdout, r.Script)
		return err
	}
	files, err := r.Write(dir)
	for _, p := range files {
		fmt.Fprintln(stdout, p)
	}
	if err != nil {
		return &WriteError{Err: err}
	}
	fmt.Fprintf(stderr, "bridge: pulled %s; next: bridge test --script %s --cases DIR\n", r.Settings.Name, files[0])
	return nil
}
