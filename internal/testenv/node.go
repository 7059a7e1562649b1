package testenv

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Runtime is one reference Node: a real Node binary from the npm package
// node@MAJOR with the real modules beside it, under testdata/NAME.
type Runtime struct {
	// Name is the runtime's name as Auth0 and --runtime spell it: node22, node18.
	Name string
	// Major is Node's major version, checked against the binary's process.version.
	Major int
}

// Node22 is Auth0's recommended runtime, and Node18 its deprecated one
// (docs/auth0.md, Runtimes).
var (
	Node22 = Runtime{Name: "node22", Major: 22}
	Node18 = Runtime{Name: "node18", Major: 18}
)

// Runtimes lists every reference runtime, recommended first. Every
// conformance and differential test runs against each (ForEachNode).
func Runtimes() []Runtime { return []Runtime{Node22, Node18} }

// Dir is the runtime's install folder, testdata/NAME under the repository root.
func (r Runtime) Dir() string { return filepath.Join(Root(), "testdata", r.Name) }

// Node is the path of the runtime's node binary (node_modules/.bin/node, put
// there by the npm package node@MAJOR).
func (r Runtime) Node() string { return filepath.Join(r.Dir(), "node_modules", ".bin", "node") }

// Modules is the runtime's node_modules directory, where the real oauth,
// request and jsonwebtoken are; it is NODE_PATH for Command.
func (r Runtime) Modules() string { return filepath.Join(r.Dir(), "node_modules") }

// Module is the directory of the installed package name.
func (r Runtime) Module(name string) string { return filepath.Join(r.Modules(), name) }

// Installed says why the runtime cannot run ("" when it can): a missing
// binary. It does not run the binary.
func (r Runtime) Installed() string {
	if _, err := os.Stat(r.Node()); err != nil {
		return fmt.Sprintf("%s is not installed at %s: run `make node-deps`", r.Name, r.Node())
	}
	return ""
}

// Need returns r when its binary is installed, and otherwise fails the test
// under CI=true or skips it.
func (r Runtime) Need(t testing.TB) Runtime {
	t.Helper()
	if why := r.Installed(); why != "" {
		Missing(t, "%s", why)
	}
	return r
}

// NeedModule returns the directory of the installed package name, checking
// its package.json version is want. A missing or other version fails the test
// under CI=true and skips it elsewhere: rows were recorded against want.
func (r Runtime) NeedModule(t testing.TB, name, want string) string {
	t.Helper()
	dir := r.Module(name)
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		Missing(t, "%s: the real %s is not installed in %s: run `make node-deps`", r.Name, name, r.Modules())
		return dir
	}
	var meta struct{ Version string }
	if err := json.Unmarshal(data, &meta); err != nil || meta.Version != want {
		Missing(t, "%s: %s is version %q, want the pinned %s (run `make node-deps`): %v", r.Name, dir, meta.Version, want, err)
	}
	return dir
}

// Command runs the runtime's node binary with args, from the working
// directory, with TZ=UTC and NODE_PATH set to Modules (so require finds the
// real modules). Callers may append to cmd.Env.
func (r Runtime) Command(args ...string) *exec.Cmd {
	return r.CommandContext(context.Background(), args...)
}

// CommandContext is Command, killed when ctx is done.
func (r Runtime) CommandContext(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, r.Node(), args...)
	cmd.Env = append(os.Environ(), "TZ=UTC", "NODE_PATH="+r.Modules())
	return cmd
}

// ForEachNode runs f as the subtests node22 and node18, each with its
// runtime installed (Need: a missing one fails under CI=true, skips elsewhere).
func ForEachNode(t *testing.T, f func(t *testing.T, r Runtime)) {
	t.Helper()
	for _, r := range Runtimes() {
		t.Run(r.Name, func(t *testing.T) {
			f(t, r.Need(t))
		})
	}
}
