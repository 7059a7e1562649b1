package script

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needNode skips a test that compares with real Node when node is not on
// PATH (and fails it under CI=true, where node is part of the setup).
func needNode(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("this conformance test needs node on PATH")
		}
		t.Skip("node is not on PATH")
	}
}

// runNode runs program under node with stdin and returns its stdout.
func runNode(t *testing.T, program string, stdin []byte) []byte {
	t.Helper()
	needNode(t)
	cmd := exec.Command("node", "-e", program)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	return out
}

// nodeRunScript runs a fetchUserProfile script under node, called as the
// sandbox calls it with ctx, and returns what it passed to cb as JSON
// {"err": String(err) or null, "profile": profile}. require('oauth') is the
// real oauth@0.10.2 (testdata/node).
func nodeRunScript(t *testing.T, src string, ctx Context) string {
	t.Helper()
	dir := filepath.Dir(nodeOAuth(t))
	prog := `const src = require('fs').readFileSync(0, 'utf8');
const fn = (0, eval)('(' + src + '\n)');
fn('tok', 'token-secret', JSON.parse(process.env.BRIDGE_CTX), function (err, profile) {
  console.log(JSON.stringify({err: err ? String(err) : null, profile: profile === undefined ? null : profile}));
});`
	ctxJSON, err := json.Marshal(ctx.Object())
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "-e", prog)
	cmd.Env = append(os.Environ(), "NODE_PATH="+dir, "BRIDGE_CTX="+string(ctxJSON))
	cmd.Stdin = strings.NewReader(src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	return string(bytes.TrimSpace(out))
}

// shimRunScript runs the same script in the sandbox and returns the same JSON.
func shimRunScript(t *testing.T, src string, opts Options) string {
	t.Helper()
	res := run(t, compileJS(t, src), opts)
	out := map[string]any{"err": nil, "profile": nil}
	switch res.Outcome {
	case KindProfile:
		out["profile"] = json.RawMessage(res.Profile)
	case KindCallback:
		out["err"] = res.Error.Message
	default:
		t.Fatalf("shim: %s: %+v", res.Outcome, res.Error)
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
