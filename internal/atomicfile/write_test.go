package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	for _, tc := range []struct {
		name     string
		existing string // "" for none
		perm     fs.FileMode
		replace  bool
		wantErr  error
		want     string // the content afterwards
	}{
		{name: "new secret file", perm: 0o600, want: "new"},
		{name: "new public file", perm: 0o644, want: "new"},
		{name: "new with replace", perm: 0o600, replace: true, want: "new"},
		{name: "existing kept", existing: "old", perm: 0o600, wantErr: fs.ErrExist, want: "old"},
		{name: "existing replaced", existing: "old", perm: 0o600, replace: true, want: "new"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "secret.key")
			if tc.existing != "" {
				if err := os.WriteFile(path, []byte(tc.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := WriteFile(path, []byte("new"), tc.perm, tc.replace)
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
				t.Fatalf("WriteFile: %v, want %v", err, tc.wantErr)
			}
			got, rerr := os.ReadFile(path)
			if rerr != nil || string(got) != tc.want {
				t.Fatalf("content %q (%v), want %q", got, rerr, tc.want)
			}
			fi, _ := os.Stat(path)
			wantPerm := tc.perm
			if tc.wantErr != nil {
				wantPerm = 0o644 // the existing file, untouched
			}
			if fi.Mode().Perm() != wantPerm {
				t.Errorf("mode %v, want %v", fi.Mode().Perm(), wantPerm)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("directory holds %d entries, want 1 (no temporary file left): %v", len(entries), entries)
			}
		})
	}
}

// A umask must not widen or narrow the mode asked for (Chmod, not the mode
// argument of open, sets it).
func TestWriteFileModeIgnoresUmask(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pub")
	if err := WriteFile(path, []byte("x"), 0o644, NoReplace); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
}

func TestWriteFileMissingDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir", "f")
	err := WriteFile(path, []byte("x"), 0o600, Replace)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err %v, want fs.ErrNotExist", err)
	}
}

// A target whose directory is a regular file fails before anything is
// written, and leaves that file alone.
func TestWriteFileParentIsAFile(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(parent, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(filepath.Join(parent, "f"), []byte("x"), 0o600, Replace)
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		t.Fatalf("err %v (%T), want an *fs.PathError", err, err)
	}
	if got, _ := os.ReadFile(parent); string(got) != "keep" {
		t.Errorf("parent file now %q", got)
	}
}

// Keep, refuse, replace in turn on one path (keygen's --force).
func TestWriteFileSequence(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.key")
	for _, step := range []struct {
		data    string
		replace bool
		wantErr error
		want    string
	}{
		{"one", NoReplace, nil, "one"},
		{"two", NoReplace, fs.ErrExist, "one"},
		{"three", Replace, nil, "three"},
	} {
		err := WriteFile(path, []byte(step.data), 0o600, step.replace)
		if !errors.Is(err, step.wantErr) || (step.wantErr == nil) != (err == nil) {
			t.Fatalf("write %q: %v, want %v", step.data, err, step.wantErr)
		}
		if got, _ := os.ReadFile(path); string(got) != step.want {
			t.Fatalf("after %q: %q, want %q", step.data, got, step.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("no temporary file may be left behind: %v", entries)
	}
}
