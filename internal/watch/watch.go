// Package watch tells when a fetchUserProfile script or a directory of case
// files has changed, for `bridge test --watch`. It watches directories, not
// files, because editors often save by renaming a new file over the old one,
// and it waits for a burst of events (one save is often several) to settle.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Settle is how long a burst of file events must be quiet before Next
// reports a change.
const Settle = 150 * time.Millisecond

// ErrClosed is what Next returns when the watcher has stopped.
var ErrClosed = errors.New("watch: the watcher stopped")

// Error is a path that cannot be watched.
type Error struct {
	Path string // as given: the script's directory or the cases directory
	Err  error
}

func (e *Error) Error() string { return "watch: " + e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Watcher watches a script file and a tree of case files.
type Watcher struct {
	w                   *fsnotify.Watcher
	scriptAbs, casesAbs string // "" when not watched
}

// New watches the script file (its directory) and every directory below
// casesDir; either may be "".
func New(script, casesDir string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{w: fw}
	if script != "" {
		if w.scriptAbs, err = filepath.Abs(script); err != nil {
			fw.Close()
			return nil, &Error{Path: script, Err: err}
		}
		if err := fw.Add(filepath.Dir(w.scriptAbs)); err != nil {
			fw.Close()
			return nil, &Error{Path: filepath.Dir(script), Err: err}
		}
	}
	if casesDir != "" {
		if err := w.addTree(casesDir); err != nil {
			fw.Close()
			return nil, &Error{Path: casesDir, Err: err}
		}
		w.casesAbs, _ = filepath.Abs(casesDir)
	}
	return w, nil
}

// Close stops watching.
func (w *Watcher) Close() error { return w.w.Close() }

// Next blocks until the script or a case file has changed and the events
// have settled (nil), ctx ends (ctx.Err()) or the watcher stops (ErrClosed).
// A new directory below the cases is watched too. Errors of the watch itself
// go to onErr, and the watch goes on.
func (w *Watcher) Next(ctx context.Context, onErr func(error)) error {
	var settle <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.w.Events:
			if !ok {
				return ErrClosed
			}
			if !w.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					_ = w.addTree(ev.Name)
				}
			}
			if !ev.Has(fsnotify.Chmod) {
				settle = time.After(Settle)
			}
		case err, ok := <-w.w.Errors:
			if !ok {
				return ErrClosed
			}
			onErr(err)
		case <-settle:
			return nil
		}
	}
}

// relevant reports whether name is the script or below the cases directory.
func (w *Watcher) relevant(name string) bool {
	abs, err := filepath.Abs(name)
	if err != nil {
		return false
	}
	if abs == w.scriptAbs {
		return true
	}
	if w.casesAbs == "" {
		return false
	}
	rel, err := filepath.Rel(w.casesAbs, abs)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// addTree watches dir and every directory below it.
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.w.Add(p)
		}
		return nil
	})
}
