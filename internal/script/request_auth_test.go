package script

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requestAuthRows exercise request's auth option (lib/auth.js); each is run
// under the real request@2.88.2 on Node 22 and Node 18 and in the sandbox,
// and the callback's arguments and the bytes sent must agree.
var requestAuthRows = []string{
	`request.get(U + '/s/200', {auth: {bearer: 'T'}}, done)`,
	`request.get(U + '/s/200', {auth: {user: 'ü', pass: 'p:w'}}, done)`,
	`request.get(U + '/s/200', {auth: {username: 'u', password: 'p'}}, done)`,
	`request.get(U + '/s/200', {auth: {user: 'u'}}, done)`,
	`request.get(U + '/s/200', {auth: {bearer: function() { return 'F'; }}}, done)`,
	`request.get(U + '/s/200', {auth: {bearer: ''}}, done)`,
	`request.get(U + '/s/200', {headers: {Authorization: 'old', 'X-A': '1'}, auth: {bearer: 'T'}}, done)`,
	`request.post({url: U + '/s/200', json: {a: 1}, auth: {bearer: 'T'}}, done)`,
	`request.get(U + '/s/auth', {auth: {user: 'u', pass: 'p', sendImmediately: false}}, done)`,
	`request.get(U + '/s/200', {auth: {user: 'u', pass: 'p', sendImmediately: false}}, done)`,
	`request.get(U + '/s/200', {auth: {}}, done)`,
	`request.get(U + '/s/200', {auth: {user: 5}}, done)`,
	`request.get(U + '/s/302', {auth: {bearer: 'T'}}, done)`,
}

// TestRequestAuthMatchesNode is the differential test of the auth option.
func TestRequestAuthMatchesNode(t *testing.T) {
	nodes := refNodes(t)
	srv := newCaptureServer(t)
	for _, call := range requestAuthRows {
		src := requestScript(srv.base(), "http://127.0.0.1:1", call)
		for _, n := range nodes {
			t.Run(n.runtime+"/"+call, func(t *testing.T) {
				srv.take()
				res := run(t, compileJS(t, src), Options{AllowedHosts: []string{"127.0.0.1"}, Runtime: n.runtime})
				require.Equal(t, KindProfile, res.Outcome, "%s: %+v", call, res.Error)
				shimWire := srv.take()
				out := n.run(t, `const src = require('fs').readFileSync(0, 'utf8');
(0, eval)('(' + src + '\n)')('t', 's', {}, function (err, p) { console.log(JSON.stringify(p)); });`, src)
				nodeWire := srv.take()
				var want, got any
				require.NoError(t, json.Unmarshal(out, &want))
				require.NoError(t, json.Unmarshal(res.Profile, &got))
				assert.Equal(t, want, got)
				require.Equal(t, len(nodeWire), len(shimWire))
				for i := range nodeWire {
					assert.Equal(t, string(nodeWire[i]), string(shimWire[i]))
				}
			})
		}
	}
}

// TestRequestBearerReachesMock shows the header at the mock's end.
func TestRequestBearerReachesMock(t *testing.T) {
	srv := newCaptureServer(t)
	src := requestScript(srv.base(), "", `request.get(U + '/s/200', {auth: {bearer: 'T'}}, done)`)
	res := run(t, compileJS(t, src), runOpts(srv.base()))
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	reqs := srv.take()
	require.Len(t, reqs, 1)
	assert.True(t, strings.Contains(string(reqs[0]), "\r\nauthorization: Bearer T\r\n"), string(reqs[0]))
}
