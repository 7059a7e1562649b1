package script

import (
	"bytes"
	"os"
	"os/exec"
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
// sandbox calls it, and returns what it passed to cb as JSON
// {"err": String(err) or null, "profile": profile}. The script may use
// only what Node itself provides.
func nodeRunScript(t *testing.T, src string) string {
	t.Helper()
	prog := `const src = require('fs').readFileSync(0, 'utf8');
const fn = (0, eval)('(' + src + '\n)');
fn('tok', 'token-secret', {}, function (err, profile) {
  console.log(JSON.stringify({err: err ? String(err) : null, profile: profile === undefined ? null : profile}));
});`
	return string(bytes.TrimSpace(runNode(t, prog, []byte(src))))
}
