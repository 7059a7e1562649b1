package script

import (
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fetchRows are fetch calls (U is the capture server, R a closed port): each
// runs under real Node 22 and Node 18 (undici) and in the sandbox; the
// outcome and the bytes sent must agree.
var fetchRows = []struct{ name, body string }{
	{"get", `var r = await fetch(U + '/s/200?x=1'); return [r.status, r.statusText, r.ok, r.headers.get('content-type'), r.headers.get('x-dup'), r.url, r.redirected, r.type, await r.text()]`},
	{"post string", `var r = await fetch(U + '/s/200', {method: 'post', headers: {'X-Z': 'z'}, body: 'hi é'}); return [r.status, await r.text()]`},
	{"post json bearer", `var r = await fetch(U + '/s/200', {method: 'POST', headers: {'Content-Type': 'application/json', Authorization: 'Bearer T'}, body: JSON.stringify({a: 1})}); return r.status`},
	{"headers instance", `var h = new Headers(); h.append('Accept', 'application/json'); h.set('X-A', '1'); var r = await fetch(U + '/s/200', {headers: h}); return r.ok`},
	{"urlsearchparams body", `var r = await fetch(U + '/s/200', {method: 'POST', body: new URLSearchParams({a: 'b c'})}); return r.status`},
	{"redirect follow", `var r = await fetch(U + '/s/302'); return [r.status, r.redirected, r.url, await r.text()]`},
	{"redirect manual", `var r = await fetch(U + '/s/302', {redirect: 'manual'}); return [r.status, r.headers.get('location') !== null]`},
	{"status 500", `var r = await fetch(U + '/s/500'); return [r.status, r.ok, r.statusText, await r.text()]`},
	{"status 204", `var r = await fetch(U + '/s/204'); return [r.status, r.ok, await r.text()]`},
	{"status 401 json fails", `var r = await fetch(U + '/s/401'); return await r.json()`},
	{"body twice", `var r = await fetch(U + '/s/200'); await r.text(); return await r.text()`},
	{"arrayBuffer", `var r = await fetch(U + '/s/200'); var b = await r.arrayBuffer(); return [Object.prototype.toString.call(b), b.byteLength]`},
	{"refused", `try { await fetch(R + '/x'); } catch (e) { return [e.name, e.message, e.cause.name, e.cause.code, e.cause.syscall, e.cause.message] }`},
	{"bad port", `try { await fetch('http://127.0.0.1:1/x'); } catch (e) { return [e.name, e.message, e.cause.message] }`},
	{"invalid url", `try { await fetch('nope'); } catch (e) { return [e.name, e.message, e.cause.code] }`},
	{"get with body", `return await fetch(U + '/s/200', {body: 'x'})`},
	{"aborted before", `var c = new AbortController(); c.abort(); try { await fetch(U + '/s/200', {signal: c.signal}); } catch (e) { return [e.name, e.message, e.code, c.signal.aborted] }`},
	{"abort reason", `var c = new AbortController(); var seen = []; c.signal.addEventListener('abort', function() { seen.push('l'); }); c.signal.onabort = function() { seen.push('on'); };
	  c.abort('why'); c.abort('again'); return [c.signal.aborted, c.signal.reason, seen, AbortSignal.abort().reason.name]`},
	{"headers object", `var h = new Headers({'X-B': ' v ', 'x-a': '1'}); h.append('X-B', 'w'); return [h.get('x-b'), h.has('X-A'), Array.from(h.keys()), Array.from(h.entries())]`},
	{"headers invalid name", `return new Headers({'X A': '1'})`},
	{"response constructor", `var r = new Response('{"a":1}', {status: 201, headers: {'X-Q': 'q'}}); return [r.status, r.ok, r.headers.get('content-type'), r.headers.get('x-q'), await r.json()]`},
	{"response bad status", `return new Response('', {status: 100})`},
	{"typeofs", `return [typeof fetch, typeof Headers, typeof Response, typeof AbortController, typeof AbortSignal]`},
}

// node18Differs are rows where Node 18 is known to differ (doc.go
// "Differences"): there only the error's name must agree.
var node18Differs = map[string]string{
	"status 401 json fails": "JSON.parse's wording is V8 11+'s; Node 18's V8 10.2 says \"Unexpected token o in JSON at position 0\"",
}

func TestFetchMatchesNode(t *testing.T) {
	nodes := refNodes(t)
	srv := newCaptureServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	refused := "http://" + ln.Addr().String()
	ln.Close()
	host := strings.TrimPrefix(srv.base(), "http://")
	dir := t.TempDir()
	driver := filepath.Join(dir, "driver.js")
	require.NoError(t, os.WriteFile(driver, []byte(diffDriver), 0o600))
	for _, n := range nodes {
		for _, row := range fetchRows {
			t.Run(n.runtime+"/"+row.name, func(t *testing.T) {
				src := diffScript("var U = '" + srv.base() + "', R = '" + refused + "';\n" + row.body)
				file := filepath.Join(dir, "row.js")
				require.NoError(t, os.WriteFile(file, []byte(src), 0o600))
				srv.take()
				want := n.runFile(t, driver, file)
				nodeWire := srv.take()
				res := run(t, compileJS(t, src), Options{Runtime: n.runtime, AllowedHosts: []string{"127.0.0.1"}})
				require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
				shimWire := srv.take()
				var w, g any
				require.NoError(t, json.Unmarshal(want, &w), string(want))
				require.NoError(t, json.Unmarshal(res.Profile, &g))
				if why := node18Differs[row.name]; why != "" && n.runtime == RuntimeNode18 {
					t.Logf("known difference: %s", why)
					wErr, _ := w.(map[string]any)["err"].(string)
					gErr, _ := g.(map[string]any)["err"].(string)
					assert.Equal(t, strings.SplitN(wErr, ":", 2)[0], strings.SplitN(gErr, ":", 2)[0])
				} else {
					assert.Equal(t, w, g)
				}
				require.Equal(t, len(nodeWire), len(shimWire))
				for i := range nodeWire {
					assert.Equal(t, strings.ReplaceAll(string(nodeWire[i]), host, "HOST"), strings.ReplaceAll(string(shimWire[i]), host, "HOST"))
				}
			})
		}
	}
}

// TestFetchObeysAllowList: fetch goes through the run's network: a host
// outside the allow-list is refused, and every request is in the log.
func TestFetchObeysAllowList(t *testing.T) {
	srv := newCaptureServer(t)
	src := diffScript(`var r = await fetch('` + srv.base() + `/s/200'); var out = [r.status];
	  try { await fetch('http://example.com/x'); } catch (e) { out.push(e.message, e.cause.code); } return out`)
	res := run(t, compileJS(t, src), Options{AllowedHosts: []string{"127.0.0.1"}})
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	assert.Contains(t, string(res.Profile), `[200,"fetch failed"`)
	require.Len(t, res.Requests, 2)
	assert.Equal(t, 200, res.Requests[0].Status)
	assert.NotEmpty(t, res.Requests[1].Error)
}
