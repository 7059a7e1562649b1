package script

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// timerOrderScripts log the order callbacks run in; Node's order is fixed
// for each (libuv phases: timers, poll, check; microtasks after each callback).
var timerOrderScripts = map[string]string{
	"immediates in order": `function(token, tokenSecret, ctx, cb) {
  var log = [];
  for (var i = 0; i < 25; i++) (function(i) { setImmediate(function() { log.push(i); if (i === 24) cb(null, {log: log}); }); })(i);
}`,
	"equal timeouts in creation order": `function(token, tokenSecret, ctx, cb) {
  var log = [];
  for (var i = 0; i < 25; i++) (function(i) { setTimeout(function() { log.push(i); }, 3); })(i);
  setTimeout(function() { log.push('last'); cb(null, {log: log}); }, 3);
}`,
	"shorter delay first, args passed": `function(token, tokenSecret, ctx, cb) {
  var log = [];
  setTimeout(function(x) { log.push(x); cb(null, {log: log}); }, 40, 'forty');
  setTimeout(function(x, y) { log.push(x + y); }, 20, 'twen', 'ty');
  setTimeout(function() { log.push('zero->1'); }, 0);
}`,
	"immediate before timeout inside a timer; microtasks first": `function(token, tokenSecret, ctx, cb) {
  var log = [];
  setTimeout(function() {
    setTimeout(function() { log.push('timeout'); cb(null, {log: log}); }, 0);
    setImmediate(function() { log.push('immediate'); });
    Promise.resolve().then(function() { log.push('microtask'); });
    log.push('sync');
  }, 1);
}`,
	"cleared and refreshed": `function(token, tokenSecret, ctx, cb) {
  var log = [];
  var a = setTimeout(function() { log.push('a'); }, 1);
  clearTimeout(a);
  var im = setImmediate(function() { log.push('im'); });
  clearImmediate(im);
  var n = 0;
  var iv = setInterval(function() { log.push('iv' + n); if (++n === 3) { clearInterval(iv); cb(null, {log: log}); } }, 2);
}`,
}

// TestTimerOrderMatchesNode runs each script under node once and in the
// sandbox several times: the order must be Node's every time, never
// dependent on goroutine scheduling.
func TestTimerOrderMatchesNode(t *testing.T) {
	for name, src := range timerOrderScripts {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var want struct{ Profile json.RawMessage }
			require.NoError(t, json.Unmarshal([]byte(nodeRunScript(t, src, Context{})), &want))
			p := compileJS(t, src)
			for i := 0; i < 8; i++ {
				res := run(t, p, runOpts("http://127.0.0.1:1"))
				require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
				assert.JSONEq(t, string(want.Profile), string(res.Profile), "run %d", i)
			}
		})
	}
}
