// Package inputfile reads the files a user names (scripts, keys, case files)
// with a size bound, and refuses what is not a regular file: a FIFO or a
// device (/dev/zero, /dev/stdin) could block forever or never end. "-" is
// standard input only where a flag documents it (ReadOrStdin).
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Limits of the files bridge reads.
const (
	MaxScript   = 1 << 20  // a script file (Auth0's own limit is 51,200 characters: docs/auth0.md)
	MaxCaseFile = 8 << 20  // a case file
	MaxKeyFile  = 64 << 10 // a PEM key file
)

// Error is a file refused by a bound; the CLI exits 2 for it (bad input).
type Error struct {
	Path    string
	Message string
}

func (e *Error) Error() string { return e.Path + ": " + e.Message }

// Read reads the regular file at path, at most limit bytes. what names the
// file in messages ("script", "private key").
func Read(path string, limit int64, what string) ([]byte, error) {
	// Stat before open: opening a FIFO for reading blocks until a writer comes.
	st, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Op = "open" // as os.ReadFile says it
		}
		return nil, err
	}
	if err := regular(path, st, what); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	return read(path, f, st, limit, what)
}

// ReadOrStdin is Read, with "-" meaning standard input (bounded the same way).
func ReadOrStdin(path string, stdin io.Reader, limit int64, what string) ([]byte, error) {
	if path != "-" {
		return Read(path, limit, what)
	}
	return readBounded("standard input", stdin, limit, what)
}

// ReadFS is Read for a file of fsys (fs.Stat follows symbolic links).
func ReadFS(fsys fs.FS, name, display string, limit int64, what string) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if err := regular(display, st, what); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(display, f, st, limit, what)
}

func read(path string, r io.Reader, st fs.FileInfo, limit int64, what string) ([]byte, error) {
	if err := regular(path, st, what); err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, tooLarge(path, what, limit, st.Size())
	}
	return readBounded(path, r, limit, what)
}

func regular(path string, st fs.FileInfo, what string) error {
	if st.Mode().IsRegular() {
		return nil
	}
	kind := "not a regular file"
	switch m := st.Mode(); {
	case m.IsDir():
		kind = "a directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		kind = "a device"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	}
	return &Error{Path: path, Message: fmt.Sprintf("the %s is %s: give a regular file", what, kind)}
}

// readBounded reads r to its end, failing past limit bytes; it never holds
// more than limit+1 bytes.
func readBounded(path string, r io.Reader, limit int64, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, what, limit, -1)
	}
	return data, nil
}

func tooLarge(path, what string, limit, size int64) error {
	msg := fmt.Sprintf("the %s is larger than the %s limit", what, human(limit))
	if size >= 0 {
		msg = fmt.Sprintf("the %s is %d bytes, over the %s limit", what, size, human(limit))
	}
	return &Error{Path: path, Message: msg + ": is it the right file?"}
}

func human(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// IsError reports whether err is a refused input file.
func IsError(err error) bool {
	var e *Error
	return errors.As(err, &e)
}
