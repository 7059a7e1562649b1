package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchSettle is how long the watcher waits for a burst of file events (an
// editor's save is often several) to end before it runs again.
const watchSettle = 150 * time.Millisecond

// clearScreen moves the cursor home and clears the terminal (ANSI).
const clearScreen = "\x1b[H\x1b[2J"

// watchTests runs the suite, then again whenever the script or a case file
// changes (fsnotify), clearing the screen between runs when stdout is a
// terminal. It stops when ctx is canceled (Ctrl-C) and returns nil then. Bad
// input on a run is reported on stderr, and the watch goes on.
func watchTests(ctx context.Context, f *testFlags, stdout, stderr io.Writer) error {
	if f.runtime.script == "" && f.casesDir == "" {
		return usageErr("--watch needs --script or --cases: the built-in script and suite never change (start your own with `bridge init`)")
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("--watch: %w", err)
	}
	defer w.Close()
	// Editors often save by renaming a new file over the old one, so the
	// script's directory is watched, not the file.
	var scriptAbs string
	if f.runtime.script != "" {
		if scriptAbs, err = filepath.Abs(f.runtime.script); err != nil {
			return usageErr("--script: %v", err)
		}
		if err := w.Add(filepath.Dir(scriptAbs)); err != nil {
			return usageErr("--watch: %s: %v", filepath.Dir(f.runtime.script), err)
		}
	}
	if f.casesDir != "" {
		if err := watchTree(w, f.casesDir); err != nil {
			return usageErr("--watch: %s: %v", f.casesDir, err)
		}
	}
	casesAbs := ""
	if f.casesDir != "" {
		casesAbs, _ = filepath.Abs(f.casesDir)
	}
	relevant := func(name string) bool {
		abs, err := filepath.Abs(name)
		if err != nil {
			return false
		}
		if abs == scriptAbs {
			return true
		}
		if casesAbs == "" {
			return false
		}
		rel, err := filepath.Rel(casesAbs, abs)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}

	runOnce := func() {
		if isTerminal(stdout) {
			_, _ = io.WriteString(stdout, clearScreen)
		}
		err := runTests(ctx, f, stdout, stderr)
		var ee *exitError
		if err != nil && (!errors.As(err, &ee) || ee.Err != nil) {
			fmt.Fprintln(stderr, "bridge:", err)
		}
		fmt.Fprintf(stderr, "bridge: watching for changes (Ctrl-C stops)\n")
	}
	runOnce()
	var settle <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() && relevant(ev.Name) {
					_ = watchTree(w, ev.Name)
				}
			}
			if relevant(ev.Name) && !ev.Has(fsnotify.Chmod) {
				settle = time.After(watchSettle)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintln(stderr, "bridge: --watch:", err)
		case <-settle:
			settle = nil
			runOnce()
		}
	}
}

// watchTree adds dir and every directory below it to w.
func watchTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}
