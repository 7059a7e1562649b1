package script

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// refNode is one real Node the differential tests run against: Auth0's
// runtime (RuntimeNode22 or RuntimeNode18), its binary and the
// node_modules directory with request@2.88.2 beside it.
type refNode struct {
	runtime, bin, modules string
}

// refNodes finds the real Node 22 and Node 18 installs (the npm packages
// node@22 and node@18 carry the binaries, docs/auth0.md "Runtimes"): in
// testdata/node22 and testdata/node18, or in the directories
// BRIDGE_NODE22_DIR and BRIDGE_NODE18_DIR name. A missing one skips (fails
// under CI).
func refNodes(t *testing.T) []refNode {
	t.Helper()
	var out []refNode
	for _, rt := range Runtimes {
		var dirs []string
		if d := os.Getenv("BRIDGE_" + strings.ToUpper(rt) + "_DIR"); d != "" {
			dirs = append(dirs, d)
		}
		abs, _ := filepath.Abs("../../testdata/" + rt)
		dirs = append(dirs, abs)
		found := false
		for _, d := range dirs {
			bin := filepath.Join(d, "node_modules", ".bin", "node")
			if _, err := os.Stat(bin); err == nil {
				out = append(out, refNode{runtime: rt, bin: bin, modules: filepath.Join(d, "node_modules")})
				found = true
				break
			}
		}
		if !found {
			msg := "real " + rt + " is not installed in testdata/" + rt + " (npm install node@" + strings.TrimPrefix(rt, "node") +
				"), nor in $BRIDGE_" + strings.ToUpper(rt) + "_DIR"
			if os.Getenv("CI") == "true" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
	return out
}

// run runs a script under this Node with TZ=UTC and NODE_PATH set to its
// modules, the source on stdin, and returns stdout.
func (n refNode) run(t *testing.T, program, stdin string) []byte {
	t.Helper()
	cmd := exec.Command(n.bin, "-e", program)
	cmd.Env = append(os.Environ(), "NODE_PATH="+n.modules, "TZ=UTC")
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s: %v\n%s", n.bin, err, msg)
	}
	return out
}

// runFile runs driver with arg under this Node (TZ=UTC, NODE_PATH set).
func (n refNode) runFile(t *testing.T, driver, arg string) []byte {
	t.Helper()
	cmd := exec.Command(n.bin, driver, arg)
	cmd.Env = append(os.Environ(), "NODE_PATH="+n.modules, "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s: %v\n%s", n.bin, err, msg)
	}
	return out
}
