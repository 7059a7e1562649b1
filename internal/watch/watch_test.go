package watch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next runs Next with a deadline that only bounds a hang.
func next(t *testing.T, w *Watcher, within time.Duration) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	return w.Next(ctx, func(err error) { t.Errorf("watch error: %v", err) })
}

// TestNext: a change of the script, of a case, and of a case in a directory
// made after the watch began are reported; a file beside the script is not.
func TestNext(t *testing.T) {
	dir := t.TempDir()
	script, cases := filepath.Join(dir, "fetchUserProfile.js"), filepath.Join(dir, "cases")
	write(t, script, "one")
	write(t, filepath.Join(cases, "a.json"), "{}")
	w, err := New(script, cases)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	write(t, filepath.Join(dir, "notes.txt"), "not watched")
	if err := next(t, w, 5*Settle); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Next after a change beside the script = %v; want no change", err)
	}
	for _, change := range []struct{ path, text string }{
		{script, "two"},
		{filepath.Join(cases, "a.json"), `{"x": 1}`},
		{filepath.Join(cases, "new", "b.json"), "{}"},
	} {
		write(t, change.path, change.text)
		if err := next(t, w, 20*time.Second); err != nil {
			t.Fatalf("Next after writing %s = %v; want a change", change.path, err)
		}
	}
	// The directory made above is watched from now on.
	write(t, filepath.Join(cases, "new", "b.json"), `{"y": 2}`)
	if err := next(t, w, 20*time.Second); err != nil {
		t.Fatalf("Next after writing in a new directory = %v; want a change", err)
	}
}

func TestNextStops(t *testing.T) {
	w, err := New("", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := w.Next(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Next on a canceled context = %v", err)
	}
	w.Close()
	if err := w.Next(context.Background(), nil); !errors.Is(err, ErrClosed) {
		t.Errorf("Next after Close = %v; want ErrClosed", err)
	}
}

func TestNewError(t *testing.T) {
	_, err := New("", filepath.Join(t.TempDir(), "nosuch"))
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, os.ErrNotExist) || filepath.Base(e.Path) != "nosuch" {
		t.Errorf("New(missing cases) = %v; want a *watch.Error naming the directory", err)
	}
}
