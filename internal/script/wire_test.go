package script

import (
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const threeGets = `function(token, tokenSecret, ctx, cb) {
  var OAuth = require('oauth').OAuth;
  var o = new OAuth('', '', 'k', ctx.client_secret, '1.0', null, 'RSA-SHA1', 32, HEADERS);
  var n = 0;
  (function next() {
    o.get(URL + '/x', token, tokenSecret, function(err, data, res) {
      if (err) return cb(err);
      if (++n < 3) return next();
      cb(null, {user_id: data});
    });
  })();
}`

// countingServer counts the TCP connections it accepts.
func countingServer(t *testing.T, tls bool) (*httptest.Server, *int32) {
	var conns int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("ok"))
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			atomic.AddInt32(&conns, 1)
		}
	}
	if tls {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	return srv, &conns
}

func threeGetsScript(t *testing.T, url, headers string) *Program {
	src := threeGets
	src = replaceAll(src, "URL", "'"+url+"'")
	src = replaceAll(src, "HEADERS", headers)
	return compileJS(t, src)
}

func TestConnectionReuse(t *testing.T) {
	t.Run("node-oauth's Connection: close, one connection per request", func(t *testing.T) {
		srv, conns := countingServer(t, false)
		res := run(t, threeGetsScript(t, srv.URL, "undefined"), runOpts(srv.URL))
		require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
		assert.EqualValues(t, 3, atomic.LoadInt32(conns))
	})
	t.Run("custom headers without Connection keep it alive", func(t *testing.T) {
		srv, conns := countingServer(t, false)
		res := run(t, threeGetsScript(t, srv.URL, "{'Accept': '*/*'}"), runOpts(srv.URL))
		require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
		assert.EqualValues(t, 1, atomic.LoadInt32(conns))
	})
}

func TestHTTPClientOption(t *testing.T) {
	t.Run("an *http.Transport lends its TLS settings", func(t *testing.T) {
		srv, _ := countingServer(t, true)
		opts := runOpts(srv.URL)
		opts.HTTPClient = srv.Client()
		res := run(t, threeGetsScript(t, srv.URL, "undefined"), opts)
		require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	})
	t.Run("an unknown certificate fails like Node", func(t *testing.T) {
		srv, _ := countingServer(t, true)
		res := run(t, threeGetsScript(t, srv.URL, "undefined"), runOpts(srv.URL))
		require.Equal(t, KindCallback, res.Outcome)
		assert.Contains(t, string(res.Error.Value), `"code":"UNABLE_TO_GET_ISSUER_CERT_LOCALLY"`)
	})
	t.Run("any other RoundTripper is used as is", func(t *testing.T) {
		srv, _ := countingServer(t, false)
		var calls int32
		opts := runOpts(srv.URL)
		opts.HTTPClient = &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			atomic.AddInt32(&calls, 1)
			return http.DefaultTransport.RoundTrip(r)
		})}
		res := run(t, threeGetsScript(t, srv.URL, "undefined"), opts)
		require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
		assert.EqualValues(t, 3, atomic.LoadInt32(&calls))
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestNotHTTP(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 4096)
			_, _ = c.Read(buf)
			_, _ = c.Write([]byte("SSH-2.0-OpenSSH_9.6\r\n\r\n"))
			c.Close()
		}
	}()
	u := "http://" + ln.Addr().String()
	res := run(t, threeGetsScript(t, u, "undefined"), runOpts(u))
	require.Equal(t, KindCallback, res.Outcome)
	assert.Contains(t, string(res.Error.Value), `"code":"HPE_INVALID_CONSTANT"`)
}
