package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
)

// panicCommandName is a hidden command, in test binaries only, that panics:
// it shows what Main does with a bug (exit.Internal), in-process here and
// through the testscript harness in testdata/script/internal_error.txtar.
const panicCommandName = "test-internal-panic"

// testCommands are the hidden commands test binaries add to bridge's own.
func testCommands() []*cobra.Command {
	return []*cobra.Command{newPanicCmd(), newCrashCmd()}
}

func newPanicCmd() *cobra.Command {
	c := &cobra.Command{
		Use:    panicCommandName,
		Hidden: true,
		Args:   cobra.NoArgs,
	}
	c.Flags().Bool("json", false, "")
	c.Flags().Bool("quiet", false, "print nothing before the panic")
	c.RunE = func(cmd *cobra.Command, _ []string) error {
		if q, _ := cmd.Flags().GetBool("quiet"); !q {
			cmd.Println("partial")
		}
		panic("test: deliberate panic")
	}
	return c
}

func TestMainRecoversPanic(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantJSON bool
	}{
		{"plain", []string{panicCommandName}, false},
		{"json, nothing printed yet", []string{panicCommandName, "--quiet", "--json"}, true},
		{"json, stdout already written", []string{panicCommandName, "--json"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &stdout, &stderr, testCommands()...)
			if code != exit.Internal || exit.Internal != 4 {
				t.Errorf("exit %d; want 4 (exit.Internal)", code)
			}
			const wantMsg = "bridge: internal error (a bug in bridge, not in your input; please report it with what follows): panic: test: deliberate panic\n"
			if !strings.HasPrefix(stderr.String(), wantMsg) {
				t.Errorf("stderr = %q; want it to start with %q", stderr.String(), wantMsg)
			}
			if !strings.Contains(stderr.String(), "goroutine ") || !strings.Contains(stderr.String(), "panic_test.go") {
				t.Errorf("stderr = %q; want the stack of the panic", stderr.String())
			}
			if !tt.wantJSON {
				if strings.Contains(stdout.String(), "{") {
					t.Errorf("stdout = %q; want no JSON error document", stdout.String())
				}
				return
			}
			var doc exit.Doc
			if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
				t.Fatalf("stdout = %q: %v; want one JSON error document", stdout.String(), err)
			}
			if doc.Error.Kind != "internal" || doc.Error.ExitCode != 4 || doc.Error.Message != "internal error (a bug in bridge): panic: test: deliberate panic" {
				t.Errorf("JSON error = %+v; want kind internal, exit 4, the panic", doc.Error)
			}
		})
	}
}

// crashCommandName is a hidden command, in test binaries only, that panics
// in a goroutine of its own: Main cannot recover that, the process dies
// before Main returns, and no exit code is recorded.
const crashCommandName = "test-internal-crash"

// The command's own goroutine blocks for good: were it to wait for the
// panicking goroutine to end (a deferred close, say), the panic's deferred
// calls would let it return before the runtime kills the process, and Main
// would record exit 0 first.
func newCrashCmd() *cobra.Command {
	return &cobra.Command{
		Use:    crashCommandName,
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			go func() { panic("test: deliberate crash") }()
			select {}
		},
	}
}

// TestExitCodeHarness: `exitcode` judges the last bridge run only. A run that
// died before Main returned, or no run since the last `exitcode`, leaves no
// code, and `exitcode` fails rather than read an earlier run's.
func TestExitCodeHarness(t *testing.T) {
	tests := []struct {
		name, script, wantLog string
	}{
		{"consumed", "exec bridge --help\nexitcode 0\nexitcode 0\n", "no exit code recorded"},
		{"crash after a recorded run", "! exec bridge " + panicCommandName + "\n! exec bridge " + crashCommandName + "\nexitcode 4\n", "no exit code recorded"},
		{"recorded", "! exec bridge " + panicCommandName + "\nexitcode 4\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "s.txtar"), []byte(tt.script), 0o600); err != nil {
				t.Fatal(err)
			}
			rt := &recordingT{}
			testscript.RunT(rt, scriptParams(t, dir))
			log := rt.log.String()
			if failed := tt.wantLog != ""; rt.failed != failed || !strings.Contains(log, tt.wantLog) {
				t.Errorf("script %q: failed = %v, log:\n%s\nwant failed = %v with %q", tt.script, rt.failed, log, failed, tt.wantLog)
			}
		})
	}
}

// recordingT runs a testscript and records whether it failed and what it
// logged, so that a test can expect a script to fail.
type recordingT struct {
	mu     sync.Mutex
	log    strings.Builder
	failed bool
}

func (r *recordingT) Skip(args ...any) { r.Log(args...); runtime.Goexit() }
func (r *recordingT) Fatal(args ...any) {
	r.Log(args...)
	r.FailNow()
}
func (r *recordingT) Parallel() {}
func (r *recordingT) Log(args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Fprintln(&r.log, args...)
}
func (r *recordingT) FailNow() {
	r.mu.Lock()
	r.failed = true
	r.mu.Unlock()
	runtime.Goexit()
}
func (r *recordingT) Run(_ string, f func(testscript.T)) {
	done := make(chan struct{})
	go func() { defer close(done); f(r) }()
	<-done
}
func (r *recordingT) Verbose() bool { return false }
