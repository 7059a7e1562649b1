package sandbox

import (
	"context"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// TestRuntimeReachesTheWorker: script.Options.Runtime travels in the run
// frame, so a worker runs the profile the parent asked for. Node 22 has the
// Web Crypto crypto global, Node 18 does not (internal/script/runtime.go).
func TestRuntimeReachesTheWorker(t *testing.T) {
	pl := newTestPool(t, 1)
	prog := compile(t, `function(t, s, ctx, cb) { cb(null, {user_id: typeof crypto}); }`)
	for rt, want := range map[string]string{
		script.RuntimeDefault: `{"user_id":"object"}`,
		script.RuntimeNode22:  `{"user_id":"object"}`,
		script.RuntimeNode18:  `{"user_id":"undefined"}`,
	} {
		res := pl.Run(context.Background(), prog, script.Options{Runtime: rt, Timeout: 5 * time.Second})
		if res.Outcome != script.KindProfile || string(res.Profile) != want {
			t.Errorf("runtime %q: outcome %s, profile %s, error %+v; want %s", rt, res.Outcome, res.Profile, res.Error, want)
		}
	}
}
