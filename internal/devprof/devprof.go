// Package devprof writes a CPU profile of the process when the environment
// asks for one. It is for bridge's developers (make bench-profile): the
// parent and each sandbox worker are separate processes, and a Go benchmark
// profiles only the one it runs in.
package devprof

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
)

// Env names a directory; when it is set, Start profiles the process into
// <dir>/<role>-<pid>.prof.
const Env = "BRIDGE_CPUPROFILE_DIR"

// Start begins a CPU profile if Env is set, and returns the function that
// ends it. Without Env, or when the profile cannot start, it returns a
// no-op; a failure is reported on stderr, never to the user's result.
func Start(role string) (stop func()) {
	dir := os.Getenv(Env)
	if dir == "" {
		return func() {}
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%d.prof", role, os.Getpid())))
	if err != nil {
		fmt.Fprintln(os.Stderr, "bridge: cpu profile:", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "bridge: cpu profile:", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// Enabled reports whether Env asks for profiles.
func Enabled() bool { return os.Getenv(Env) != "" }
