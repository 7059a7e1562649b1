package watch

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the loop's goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestLoop: a run at once, another after a change, the screen cleared before
// each, and nil when ctx ends.
func TestLoop(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "fetchUserProfile.js")
	write(t, script, "one")
	w, err := New(script, "")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var screen, log syncBuffer
	runs := make(chan int, 10)
	n := 0
	done := make(chan error, 1)
	go func() {
		done <- w.Loop(ctx, &screen, &log, func() { n++; runs <- n })
	}()
	<-runs
	write(t, script, "two")
	if got := <-runs; got != 2 {
		t.Fatalf("run %d after the change, want 2", got)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Loop = %v, want nil when ctx ends", err)
	}
	if c := strings.Count(screen.String(), ClearScreen); c != 2 {
		t.Errorf("screen cleared %d times, want 2", c)
	}
	if !strings.Contains(log.String(), "bridge: watching for changes (Ctrl-C stops)") {
		t.Errorf("log %q", log.String())
	}
}
