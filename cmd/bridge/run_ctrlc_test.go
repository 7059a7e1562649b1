//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestRunCtrlCDuringNativeHang: SIGINT while bridge run's script hangs inside
// a native call (which the runtime's own interrupt cannot stop) kills the
// sandbox worker and exits 1 within a second.
func TestRunCtrlCDuringNativeHang(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	hang := filepath.Join(dir, "hang.js")
	if err := os.WriteFile(hang, []byte(`function(token, tokenSecret, ctx, cb) {
  Array.prototype.indexOf.call({length: 9e15}, 1);
  cb(null, {user_id: 'done'});
}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	// The test binary runs as bridge when argv[0] is "bridge" (TestMain).
	cmd := &exec.Cmd{Path: exe, Args: []string{"bridge", "run", "--script", hang, "--timeout", "1m"}, Dir: dir}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Time for the mock's dance and the worker to get into the native call;
	// a signal earlier than that must end the run just the same.
	time.Sleep(1500 * time.Millisecond)
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("bridge run still running 10s after SIGINT")
	}
	took := time.Since(start)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v; want exit status 1", err)
	}
	if took > time.Second {
		t.Fatalf("bridge run exited %s after SIGINT; want within a second", took)
	}
}
