package watch

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// TestLoop: a run at once, one more per change, the screen cleared before
// each and the watch line after each; canceling ctx ends the loop.
func TestLoop(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "fetchUserProfile.js")
	write(t, script, "one")
	w, err := New(script, "")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	runs := make(chan int, 10)
	var screen, log testenv.SyncBuffer
	n := 0
	done := make(chan struct{})
	go func() {
		w.Loop(ctx, &screen, &log, func() { n++; runs <- n })
		close(done)
	}()
	<-runs
	write(t, script, "two")
	select {
	case <-runs:
	case <-time.After(20 * time.Second):
		t.Fatal("no second run after a change")
	}
	cancel()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Loop did not end when ctx was canceled")
	}
	if got := strings.Count(screen.String(), ClearScreen); got != 2 || screen.String() != strings.Repeat(ClearScreen, 2) {
		t.Errorf("screen got %q; want 2 clears", screen.String())
	}
	if got := strings.Count(log.String(), "bridge: watching for changes (Ctrl-C stops)\n"); got != 2 {
		t.Errorf("log = %q; want the watch line after each of the 2 runs", log.String())
	}
}
