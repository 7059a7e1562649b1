package nodediff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Runtimes are the Node versions every differential row runs against.
var Runtimes = []string{"node22", "node18"}

// Binary returns the path of the real Node binary for runtime ("node22" or
// "node18"). It skips t when the binary is absent, and fails it when CI=true.
func Binary(t testing.TB, runtime string) string {
	t.Helper()
	env := "BRIDGE_" + strings.ToUpper(runtime)
	if p := os.Getenv(env); p != "" {
		return p
	}
	if root := repoRoot(); root != "" {
		p := filepath.Join(root, "testdata", runtime, "node_modules", ".bin", "node")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	msg := runtime + " binary not found: set " + env + " or run `npm ci` in testdata/" + runtime
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Run runs script with the Node binary of runtime under TZ=UTC (Auth0's
// sandbox and bridge both run in UTC) and returns its stdout. NODE_PATH is
// set to the node_modules beside the binary so require('jsonwebtoken') finds
// the reference package installed there.
func Run(t testing.TB, runtime, script string) string {
	t.Helper()
	bin := Binary(t, runtime)
	cmd := exec.Command(bin, "-e", script)
	modules := filepath.Dir(filepath.Dir(bin))
	if real, err := filepath.EvalSymlinks(bin); err == nil && strings.Contains(real, "node_modules") {
		modules = real[:strings.LastIndex(real, "node_modules")+len("node_modules")]
	}
	cmd.Env = append(os.Environ(), "TZ=UTC", "NODE_PATH="+modules)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", runtime, err, stderr.String())
	}
	return string(out)
}
