package redact

import (
	"errors"
	"io/fs"
	"testing"
)

func TestErr(t *testing.T) {
	r := New("s3cret-token-value")
	base := &fs.PathError{Op: "open", Path: "s3cret-token-value", Err: fs.ErrNotExist}
	err := r.Err(base)
	if err.Error() != "open [REDACTED]: file does not exist" {
		t.Fatalf("Error() = %q", err)
	}
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) {
		t.Fatal("errors.Is/As lost the wrapped error")
	}
	if r.Err(nil) != nil {
		t.Fatal("Err(nil) is not nil")
	}
}
