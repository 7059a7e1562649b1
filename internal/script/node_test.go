package script

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// onBothNodes runs f under each reference Node as the subtests node22 and
// node18 (testenv.ForEachNode) and returns the first one's output. The
// sandbox emulates one Node for now, so node18 must print exactly what node22
// printed: a row on which they differ fails in the node18 subtest, which shows
// both outputs.
func onBothNodes(t *testing.T, f func(t *testing.T, rt testenv.Runtime) []byte) []byte {
	t.Helper()
	var ref []byte
	var refName string
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		out := f(t, rt)
		if refName == "" {
			ref, refName = out, rt.Name
			return
		}
		if !bytes.Equal(out, ref) {
			t.Errorf("%s and %s differ:\n%s: %s\n%s: %s", refName, rt.Name, refName, ref, rt.Name, out)
		}
	})
	if refName == "" {
		if testenv.CI() {
			t.FailNow()
		}
		t.Skip("no reference Node is installed (run `make node-deps`)")
	}
	return ref
}

// runNode runs program under node22 and node18 with stdin and returns its
// stdout (onBothNodes).
func runNode(t *testing.T, program string, stdin []byte) []byte {
	t.Helper()
	return onBothNodes(t, func(t *testing.T, rt testenv.Runtime) []byte {
		cmd := rt.Command("-e", program)
		cmd.Stdin = bytes.NewReader(stdin)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s", rt.Name, err, stderr.String())
		}
		return out
	})
}

// nodeRunScript runs a fetchUserProfile script under node22 and node18
// (onBothNodes), called as the sandbox calls it with ctx, and returns what it
// passed to cb as JSON {"err": String(err) or null, "profile": profile}.
// require('oauth') is the real oauth@0.10.2 (testdata/node22, testdata/node18).
func nodeRunScript(t *testing.T, src string, ctx Context) string {
	t.Helper()
	prog := `const src = require('fs').readFileSync(0, 'utf8');
const fn = (0, eval)('(' + src + '\n)');
fn('tok', 'token-secret', JSON.parse(process.env.BRIDGE_CTX), function (err, profile) {
  console.log(JSON.stringify({err: err ? String(err) : null, profile: profile === undefined ? null : profile}));
});`
	ctxJSON, err := json.Marshal(ctx.Object())
	if err != nil {
		t.Fatal(err)
	}
	out := onBothNodes(t, func(t *testing.T, rt testenv.Runtime) []byte {
		nodeOAuth(t, rt)
		cmd := rt.Command("-e", prog)
		cmd.Env = append(cmd.Env, "BRIDGE_CTX="+string(ctxJSON))
		cmd.Stdin = strings.NewReader(src)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s", rt.Name, err, stderr.String())
		}
		return out
	})
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
