package sandbox

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// parentEnv makes the test binary a parent that runs one hanging script and
// handles Ctrl-C as the CLI does (TestCtrlC).
const parentEnv = "BRIDGE_SANDBOX_TEST_PARENT"

// TestMain re-executes the test binary as a sandbox worker, so the tests need
// no built bridge binary. A script containing "__crash__" makes the test
// worker panic on another goroutine, as a Go fatal error would kill it; so
// does a console line "__crash_now__" as the script prints it.
func TestMain(m *testing.M) {
	if os.Getenv(WorkerEnv) == "1" {
		crash := func() {
			// The run must not go on (and send its result) while the
			// panic on the other goroutine ends the process.
			go panic("test worker told to crash")
			select {}
		}
		os.Exit(serve(os.Stdin, os.Stdout, &workerHooks{beforeRun: func(rf *runFrame) {
			if strings.Contains(rf.Source, "__crash__") || rf.Token == "__crash__" {
				crash()
			}
		}, onConsole: func(l script.ConsoleLine) {
			if l.Text == "__crash_now__" {
				crash()
			}
		}}))
	}
	if os.Getenv(parentEnv) == "1" {
		os.Exit(ctrlCParent())
	}
	os.Exit(m.Run())
}

// ctrlCParent runs a native hang and exits 1 when interrupted.
func ctrlCParent() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	pl, err := NewPool(testConfig(1))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 4
	}
	defer pl.Close()
	prog := script.MustCompile("hang.js", `function(t, s, ctx, cb) { Array.prototype.indexOf.call({length: 9e15}, 1); cb(null, {}); }`)
	fmt.Println("running")
	res := pl.Run(ctx, prog, script.Options{Timeout: time.Minute})
	fmt.Fprintln(os.Stderr, "outcome:", res.Outcome)
	if ctx.Err() != nil {
		return 1
	}
	return 0
}

// testConfig runs the test binary itself as the worker.
func testConfig(workers int) Config {
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	return Config{Workers: workers, Command: []string{exe, "sandbox.test"}}
}

func newTestPool(t *testing.T, workers int) *Pool {
	t.Helper()
	pl, err := NewPool(testConfig(workers))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pl.Close)
	return pl
}
