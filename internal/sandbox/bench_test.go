package sandbox

import (
	"context"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// BenchmarkRoundTrip is the per-case overhead of a worker: a script that
// calls cb at once, through the protocol (run frame, fresh runtime, result
// frame), compared with the same run in process.
func BenchmarkRoundTrip(b *testing.B) {
	prog := script.MustCompile("t.js", `function(t, s, ctx, cb) { cb(null, {user_id: 'a'}); }`)
	opts := script.Options{Timeout: 5 * time.Second}
	b.Run("worker", func(b *testing.B) {
		pl, err := NewPool(testConfig(1))
		if err != nil {
			b.Fatal(err)
		}
		defer pl.Close()
		for b.Loop() {
			if res := pl.Run(context.Background(), prog, opts); !res.OK() {
				b.Fatal(res.Error)
			}
		}
	})
	b.Run("in-process", func(b *testing.B) {
		for b.Loop() {
			if res := prog.Run(context.Background(), opts); !res.OK() {
				b.Fatal(res.Error)
			}
		}
	})
}
