package nodediff

import (
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// Run runs script (node -e) with the Node of rt, found through testenv (a
// missing one skips t, or fails it under CI=true), under TZ=UTC with NODE_PATH
// at rt's node_modules, and returns its stdout. Node failing fails t.
func Run(t testing.TB, rt testenv.Runtime, script string) string {
	t.Helper()
	cmd := rt.Need(t).Command("-e", script)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s (%s): %v\n%s", rt.Name, rt.Node(), err, stderr.String())
	}
	return string(out)
}
