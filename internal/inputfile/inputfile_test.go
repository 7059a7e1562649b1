package inputfile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadBounds(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "s.js")
	if err := os.WriteFile(small, []byte("abc"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := Read(small, 3, "script"); err != nil || string(b) != "abc" {
		t.Fatalf("%q %v", b, err)
	}
	if _, err := Read(small, 2, "script"); !IsError(err) || !strings.Contains(err.Error(), "3 bytes, over the") {
		t.Fatalf("over the limit: %v", err)
	}
	if _, err := Read(dir, 10, "script"); !IsError(err) || !strings.Contains(err.Error(), "a directory") {
		t.Fatalf("directory: %v", err)
	}
	if _, err := Read("/dev/zero", 10, "private key"); !IsError(err) || !strings.Contains(err.Error(), "the private key is a device") {
		t.Fatalf("/dev/zero: %v", err)
	}
	if b, err := ReadOrStdin("-", strings.NewReader("xyz"), 3, "script"); err != nil || string(b) != "xyz" {
		t.Fatalf("stdin: %q %v", b, err)
	}
	if _, err := ReadOrStdin("-", strings.NewReader("wxyz"), 3, "script"); !IsError(err) {
		t.Fatalf("stdin over: %v", err)
	}
}

// TestFIFORefusedAtOnce: a FIFO nobody writes to is refused, not waited on.
func TestFIFORefusedAtOnce(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "x.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no mkfifo:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := ReadFS(os.DirFS(filepath.Dir(fifo)), "x.json", fifo, 10, "case file"); done <- err }()
	go func() { _, err := Read(fifo, 10, "script"); done <- err }()
	for range 2 {
		select {
		case err := <-done:
			if !IsError(err) || !strings.Contains(err.Error(), "named pipe") {
				t.Fatalf("%v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("blocked on the FIFO")
		}
	}
}
