package main

import (
	"os"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// elapsedFileEnv names the file where the in-process bridge of a testscript
// records how long its Main ran, for the `tookunder` command.
const elapsedFileEnv = "BRIDGE_TEST_ELAPSED_FILE"

// recordElapsed writes the time since start to $BRIDGE_TEST_ELAPSED_FILE.
func recordElapsed(start time.Time) {
	if f := os.Getenv(elapsedFileEnv); f != "" {
		_ = os.WriteFile(f, []byte(time.Since(start).String()), 0o600)
	}
}

// cmdTookUnder asserts that the last bridge run, from its start to its exit
// code, took less than a duration: `tookunder 3s`. It asserts behaviour (a
// hang ends), not speed: the bound is a limit bridge promises, not a target.
func cmdTookUnder(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: tookunder DURATION")
	}
	limit, err := time.ParseDuration(args[0])
	ts.Check(err)
	took, err := time.ParseDuration(consumeRecorded(ts, elapsedFileEnv, "tookunder: no time recorded: no `exec bridge` since the last `tookunder`"))
	ts.Check(err)
	if took >= limit {
		ts.Fatalf("bridge ran %s; want under %s", took, limit)
	}
	ts.Logf("bridge ran %s", took)
}
