package script

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// requestRows are request-module calls with the bytes request@2.88.2 sent
// under Node 20.20 for each (recorded with TestRequestModuleMatchesNode; HOST
// stands for the capture server). Node's global agent keeps connections alive.
var requestRows = []struct{ call, wire string }{
	{`request({url: U + '/s/200?x=1', json: true}, done)`,
		"GET /s/200?x=1 HTTP/1.1\r\nhost: HOST\r\naccept: application/json\r\nConnection: keep-alive\r\n\r\n"},
	{`request.post({url: U + '/s/200', form: {a: 'b c', d: "!'()*", e: ['1', '2']}}, done)`,
		"POST /s/200 HTTP/1.1\r\nhost: HOST\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: 47\r\nConnection: keep-alive\r\n\r\na=b%20c&d=%21%27%28%29%2A&e%5B0%5D=1&e%5B1%5D=2"},
	{`request({url: U + '/s/302'}, done)`,
		"GET /s/302 HTTP/1.1\r\nhost: HOST\r\nConnection: keep-alive\r\n\r\n" +
			"GET /s/200?after=redirect HTTP/1.1\r\nreferer: http://HOST/s/302\r\nhost: HOST\r\nConnection: keep-alive\r\n\r\n"},
	{`request({url: U + '/s/200', qs: {a: 'x y', b: ['1', '2'], c: "!'()*"}}, done)`,
		"GET /s/200?a=x%20y&b%5B0%5D=1&b%5B1%5D=2&c=%21%27%28%29%2A HTTP/1.1\r\nhost: HOST\r\nConnection: keep-alive\r\n\r\n"},
	{`request.post({url: U + '/s/200', json: {a: 1, b: 'é'}}, done)`,
		"POST /s/200 HTTP/1.1\r\nhost: HOST\r\naccept: application/json\r\ncontent-type: application/json\r\ncontent-length: 16\r\nConnection: keep-alive\r\n\r\n{\"a\":1,\"b\":\"é\"}"},
	{`request.post({url: U + '/s/200', body: 'raw body', headers: {'Content-Type': 'text/plain'}}, done)`,
		"POST /s/200 HTTP/1.1\r\nContent-Type: text/plain\r\nhost: HOST\r\ncontent-length: 8\r\nConnection: keep-alive\r\n\r\nraw body"},
	{`request({url: U + '/s/204', method: 'delete'}, done)`,
		"DELETE /s/204 HTTP/1.1\r\nhost: HOST\r\ncontent-length: 0\r\nConnection: keep-alive\r\n\r\n"},
	{`request({uri: U + '/s/200', headers: {'X-A': 5, 'user-agent': 'mine'}}, done)`,
		"GET /s/200 HTTP/1.1\r\nX-A: 5\r\nuser-agent: mine\r\nhost: HOST\r\nConnection: keep-alive\r\n\r\n"},
	{`request({url: U + '/s/200', json: true, body: {a: 1}, method: 'PUT'}, done)`,
		"PUT /s/200 HTTP/1.1\r\nhost: HOST\r\naccept: application/json\r\ncontent-type: application/json\r\ncontent-length: 7\r\nConnection: keep-alive\r\n\r\n{\"a\":1}"},
	{`request('not a url', done)`, ""},
	{`request(R + '/x', done)`, ""},
	{`request.get(U + '/s/500', done)`, "GET /s/500 HTTP/1.1\r\nhost: HOST\r\nConnection: keep-alive\r\n\r\n"},
	// http.request's own checks: request catches what it throws and hands
	// it to the callback later, so nothing is thrown and nothing is sent.
	{`request({url: U + '/s/200', headers: {'X-A': 'a\r\nInjected: 1'}}, done)`, ""},
	{`request({url: U + '/s/200', headers: {'X A': '1'}}, done)`, ""},
	{`request({url: U + '/s/200', headers: {'X-A': '\u2713'}}, done)`, ""},
	{`request({url: U + '/s/200', method: 'BAD METHOD'}, done)`, ""},
	{`request({url: U + '/s/200/\u2713'}, done)`, ""},
	{`request({url: U + '/s/200/\u00fc a?q=\u00e9'}, done)`, "GET /s/200/\xfc%20a?q=\xe9 HTTP/1.1\r\nhost: HOST\r\nConnection: keep-alive\r\n\r\n"},
	// the error comes after the call has returned, not from inside it
	{`var order = []; request({url: U + '/s/200', headers: {'X A': '1'}}, function(e) { order.push('cb'); done(e, undefined, order.join()); }); order.push('returned')`, ""},
	// request deletes undefined headers before it starts: no error, not sent
	{`request({url: U + '/s/200', headers: {'X-A': undefined, 'X-B': null}}, done)`,
		"GET /s/200 HTTP/1.1\r\nX-B: null\r\nhost: HOST\r\nConnection: keep-alive\r\n\r\n"},
}

// requestScript wraps a call so that the callback's arguments become the profile.
func requestScript(u, refused, call string) string {
	return `function(token, tokenSecret, ctx, cb) {
  var request = require('request'); var U = '` + u + `', R = '` + refused + `';
  function done(err, res, body) {
    cb(null, {err: err ? {s: String(err), code: err.code || null} : null, status: res ? res.statusCode : null,
      body: body === undefined ? '__undefined__' : body, same: res ? res.body === body : null});
  }
  ` + call + `;
}`
}

// TestRequestModuleWire checks the bytes the request module sends against
// what the real request@2.88.2 sent.
func TestRequestModuleWire(t *testing.T) {
	srv := newCaptureServer(t)
	host := strings.TrimPrefix(srv.base(), "http://")
	for _, row := range requestRows {
		if row.wire == "" {
			continue
		}
		t.Run(row.call, func(t *testing.T) {
			srv.take()
			opts := runOpts(srv.base())
			res := run(t, compileJS(t, requestScript(srv.base(), "http://127.0.0.1:1", row.call)), opts)
			require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
			var got bytes.Buffer
			for _, w := range srv.take() {
				got.Write(w)
			}
			assert.Equal(t, strings.ReplaceAll(row.wire, "HOST", host), got.String())
		})
	}
	res := run(t, compileJS(t, requestScript(srv.base(), "", `request('not a url', done)`)), runOpts(srv.base()))
	assert.Contains(t, string(res.Profile), `"s":"Error: Invalid URI \"not%20a%20url\""`)
}

// TestRequestModuleMatchesNode runs every row under node with the real
// request package and in the sandbox, comparing the callback's arguments and
// the bytes sent, under node22 and node18. It needs request@2.88.2, pinned in
// testdata/node22 and testdata/node18 (`make node-deps`), or in the
// node_modules directory BRIDGE_REQUEST_MODULES names.
func TestRequestModuleMatchesNode(t *testing.T) {
	testenv.ForEachNode(t, testRequestModuleMatchesNode)
}

func testRequestModuleMatchesNode(t *testing.T, rt testenv.Runtime) {
	mods := os.Getenv("BRIDGE_REQUEST_MODULES")
	if mods == "" {
		mods = filepath.Dir(rt.NeedModule(t, "request", "2.88.2"))
	}
	srv := newCaptureServer(t)
	refused := "http://127.0.0.1:1"
	for _, row := range requestRows {
		t.Run(row.call, func(t *testing.T) {
			src := requestScript(srv.base(), refused, row.call)
			srv.take()
			cmd := rt.Command("-e", `const src = require('fs').readFileSync(0, 'utf8');
(0, eval)('(' + src + '\n)')('t', 's', {}, function (err, p) { console.log(JSON.stringify(p)); });`)
			cmd.Env = append(cmd.Env, "NODE_PATH="+mods)
			cmd.Stdin = strings.NewReader(src)
			out, err := cmd.Output()
			require.NoError(t, err)
			nodeWire := srv.take()
			opts := runOpts(srv.base())
			opts.AllowedHosts = []string{"127.0.0.1"}
			opts.Runtime = rt.Name // Node 18's global agent sends Connection: close
			res := run(t, compileJS(t, src), opts)
			require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
			var want, got any
			require.NoError(t, json.Unmarshal(out, &want))
			require.NoError(t, json.Unmarshal(res.Profile, &got))
			assert.Equal(t, want, got)
			shimWire := srv.take()
			require.Equal(t, len(nodeWire), len(shimWire))
			for i := range nodeWire {
				assert.Equal(t, string(nodeWire[i]), string(shimWire[i]))
			}
		})
	}
}
