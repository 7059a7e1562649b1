package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge/internal/nodediff"
	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// TestAgentConnectionMatchesNode sends the same request@2.88.2 and
// node-oauth GETs from the real Node of each runtime and from the sandbox
// with that Options.Runtime, and compares the raw bytes: Node 18's global
// agent sends "Connection: close", Node 22's "Connection: keep-alive"
// (agentConnection).
func TestAgentConnectionMatchesNode(t *testing.T) {
	srv := newCaptureServer(t)
	src := `function(token, tokenSecret, ctx, cb) {
  require('request').get('` + srv.base() + `/r?x=1', {headers: {'X-A': '1'}}, function(err) {
    if (err) return cb(err);
    var OAuth = require('oauth').OAuth;
    var o = new OAuth(null, null, 'ck', 'cs', '1.0', null, 'PLAINTEXT', 32, {'Accept': '*/*'});
    o._getNonce = function() { return 'n' }; o._getTimestamp = function() { return 1 };
    o.get('` + srv.base() + `/o', 't', 's', function(err) { cb(err, {user_id: 'x'}); });
  });
}`
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		{
			srv.take()
			nodediff.Run(t, rt, `(0, eval)('(' + `+jsString(src)+` + '\n)')('t', 's', {}, function (err) { if (err) { console.error(String(err)); process.exit(1); } });`)
			want := srv.take()
			opts := runOpts(srv.base())
			opts.Runtime = rt.Name
			res := run(t, compileJS(t, src), opts)
			require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
			got := srv.take()
			require.Len(t, got, len(want))
			for i := range want {
				assert.Equal(t, string(want[i]), string(got[i]), "request %d", i)
			}
		}
	})
}
