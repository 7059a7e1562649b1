package script

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// refNode is one real Node the differential tests run against: Auth0's
// runtime (RuntimeNode22 or RuntimeNode18), its binary and the
// node_modules directory with request@2.88.2 beside it.
type refNode struct {
	runtime, bin, modules string
}

// refNodes finds the real Node 22 and Node 18 (internal/testenv: the npm
// packages node@22 and node@18 in testdata/node22 and testdata/node18, with
// request@2.88.2 beside each). A missing one skips the test (fails it under
// CI).
func refNodes(t *testing.T) []refNode {
	t.Helper()
	var out []refNode
	for _, r := range testenv.Runtimes() {
		r.Need(t)
		r.NeedModule(t, "request", "2.88.2")
		out = append(out, refNode{runtime: r.Name, bin: r.Node(), modules: r.Modules()})
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
