package sandbox

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// TestConsoleSurvivesAKill: what a script printed before its worker was
// killed (time limit, memory ceiling) or died shows in its result, redacted.
func TestConsoleSurvivesAKill(t *testing.T) {
	pl := newTestPool(t, 1)
	before := `console.log('before', s); console.warn('second line');`
	for _, c := range []struct {
		name, body string
		want       []script.Kind
	}{
		{"native hang", `Array.prototype.indexOf.call({length: 9e15}, 1);`, []script.Kind{script.KindTimeout}},
		// The stringify grows its output until the heap watch or the time
		// limit stops the worker, whichever comes first on this machine.
		{"native memory", `var o = {}; for (var i = 0; i < 60; i++) o = {a: o, b: o}; JSON.stringify(o);`, []script.Kind{script.KindMemory, script.KindTimeout}},
		{"crash", `console.log('__crash_' + 'now__');`, []script.Kind{KindCrash}},
	} {
		t.Run(c.name, func(t *testing.T) {
			prog := compile(t, `function(t, s, ctx, cb) { `+before+c.body+` cb(null, {user_id: 'x'}); }`)
			res := pl.Run(context.Background(), prog, script.Options{TokenSecret: "a-token-secret-of-32-characters!",
				Timeout: 2 * time.Second, MaxMemory: 32 << 20})
			if !slices.Contains(c.want, res.Outcome) {
				t.Fatalf("outcome %s: %+v", res.Outcome, res.Error)
			}
			if len(res.Console) < 2 || res.Console[0] != (script.ConsoleLine{Level: "log", Text: "before [REDACTED]"}) ||
				res.Console[1] != (script.ConsoleLine{Level: "warn", Text: "second line"}) {
				t.Fatalf("console %+v", res.Console)
			}
		})
	}
}

// TestConsoleBoundsWhenKilled: the streamed console keeps its bounds, 64 KiB
// a line and 1 MiB a case with the count of lines dropped, when the worker
// is killed.
func TestConsoleBoundsWhenKilled(t *testing.T) {
	pl := newTestPool(t, 1)
	prog := compile(t, `function(t, s, ctx, cb) { for (var i = 0; i < 40; i++) console.log('x'.repeat(100*1024)); Array.prototype.indexOf.call({length: 9e15}, 1); }`)
	res := pl.Run(context.Background(), prog, script.Options{Timeout: 2 * time.Second})
	if res.Outcome != script.KindTimeout {
		t.Fatalf("outcome %s: %+v", res.Outcome, res.Error)
	}
	total := 0
	for _, l := range res.Console {
		if len(l.Text) > MaxConsoleLine+100 {
			t.Fatalf("a line of %d bytes", len(l.Text))
		}
		total += len(l.Text)
	}
	last := res.Console[len(res.Console)-1].Text
	if total > MaxConsoleTotal+200 || !strings.Contains(res.Console[0].Text, "more bytes cut]") || !strings.Contains(last, "bridge: console output cut") {
		t.Fatalf("console of %d bytes in %d lines, the last %q", total, len(res.Console), last)
	}
}

// TestConsoleBound: lines are admitted cut to 64 KiB until the case has 1 MiB;
// the rest are counted in the marker. The parent applies it to what a worker
// sends, whatever the worker did.
func TestConsoleBound(t *testing.T) {
	var b consoleBound
	kept := 0
	for range 40 {
		l := script.ConsoleLine{Level: "log", Text: strings.Repeat("x", 100<<10)}
		if b.admit(&l) {
			kept++
			if len(l.Text) > MaxConsoleLine+64 {
				t.Fatalf("admitted a line of %d bytes", len(l.Text))
			}
		}
	}
	m := b.marker()
	if kept != 16 || len(m) != 1 || !strings.HasSuffix(m[0].Text, "(24 more lines)") {
		t.Fatalf("kept %d, marker %+v", kept, m)
	}
	if (&consoleBound{}).marker() != nil {
		t.Fatal("a marker without dropped lines")
	}
}
