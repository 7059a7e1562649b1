package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// exitCodeFileEnv names the file where the in-process bridge of a testscript
// records its exit code, for the `exitcode` command.
const exitCodeFileEnv = "BRIDGE_TEST_EXITCODE_FILE"

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"bridge": func() {
			start := time.Now()
			_ = os.Remove(os.Getenv(elapsedFileEnv)) // no time is left from an earlier run
			useAuth0TimeZone()
			// No code is left from an earlier run: if this one dies before
			// Main returns (an unrecovered panic, an os.Exit), `exitcode`
			// finds no file and fails instead of reading a stale code.
			f := os.Getenv(exitCodeFileEnv)
			if f != "" {
				if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
					fmt.Fprintln(os.Stderr, "bridge test harness:", err)
					os.Exit(99)
				}
			}
			code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, testCommands()...)
			if f != "" {
				_ = os.WriteFile(f, []byte(strconv.Itoa(code)), 0o600)
			}
			recordElapsed(start)
			os.Exit(code)
		},
	})
}

// TestScripts runs the CLI contract tests in testdata/script/*.txtar against the
// real CLI: flags, exit codes, stdout and stderr. Besides testscript's own
// commands, a script can say `exitcode N` to assert the exit code of the last
// `exec bridge`. $REPO is the repository root, for its testdata.
func TestScripts(t *testing.T) {
	testscript.Run(t, scriptParams(t, "testdata/script"))
}

// scriptParams are the testscript parameters of the scripts in dir.
func scriptParams(t *testing.T, dir string) testscript.Params {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return testscript.Params{
		Dir:                 dir,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", root)
			env.Setenv(exitCodeFileEnv, filepath.Join(env.WorkDir, ".bridge-exitcode"))
			env.Setenv(elapsedFileEnv, filepath.Join(env.WorkDir, ".bridge-elapsed"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode":  cmdExitCode,
			"jsonvalid": cmdJSONValid,
			"auth0fake": cmdAuth0Fake, // publish_script_test.go
			"tookunder": cmdTookUnder, // took_test.go
			"onlyfile":  cmdOnlyFile,
			"envfile":   cmdEnvFile,
		},
	}
}

// cmdExitCode asserts the exit code of the last bridge run: `exitcode 2`. It
// consumes the code: a second `exitcode` without a new `exec bridge` fails, as
// does one after a run that died before Main returned.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: exitcode N")
	}
	got := consumeRecorded(ts, exitCodeFileEnv, "exitcode: no exit code recorded: no `exec bridge` since the last `exitcode`, or bridge died before Main returned")
	if (got == args[0]) == neg {
		ts.Fatalf("bridge exited with %s; want %s%s", got, map[bool]string{true: "not ", false: ""}[neg], args[0])
	}
}

// cmdJSONValid asserts that a file (stdout, stderr or any other) holds exactly
// one JSON document: `jsonvalid stdout`.
func cmdJSONValid(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: jsonvalid FILE")
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(ts.ReadFile(args[0]))))
	var v any
	err := dec.Decode(&v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			err = errFmt("more than one JSON document")
		}
	}
	if (err == nil) == neg {
		ts.Fatalf("jsonvalid %s: %v", args[0], err)
	}
}

type errFmt string

func (e errFmt) Error() string { return string(e) }

// cmdOnlyFile sets an environment variable to the path of the one file in a
// directory, for files with generated names (backups): `onlyfile VAR DIR`.
func cmdOnlyFile(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 || neg {
		ts.Fatalf("usage: onlyfile VAR DIR")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[1]))
	ts.Check(err)
	if len(entries) != 1 {
		ts.Fatalf("onlyfile: %d entries in %s; want 1", len(entries), args[1])
	}
	ts.Setenv(args[0], filepath.Join(ts.MkAbs(args[1]), entries[0].Name()))
}

// cmdEnvFile sets an environment variable to a file's content, as a CI
// secret holds a PEM: `envfile VAR FILE`.
func cmdEnvFile(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 || neg {
		ts.Fatalf("usage: envfile VAR FILE")
	}
	ts.Setenv(args[0], ts.ReadFile(args[1]))
}

// consumeRecorded reads and removes the file named by env, which the last
// `exec bridge` wrote, so that each record is checked once; a missing file
// fails the script with missing.
func consumeRecorded(ts *testscript.TestScript, env, missing string) string {
	f := ts.Getenv(env)
	data, err := os.ReadFile(f)
	if errors.Is(err, fs.ErrNotExist) {
		ts.Fatalf("%s", missing)
	}
	ts.Check(err)
	ts.Check(os.Remove(f))
	return strings.TrimSpace(string(data))
}
