package wire

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// MaxResponseBody bounds what one response may bring into the sandbox.
const MaxResponseBody = 64 << 20

// Client sends wireRequests. It keeps idle connections for reuse when
// neither side asked to close; node-oauth's default headers carry
// "Connection: close" (docs/node-oauth.md), so its requests use one connection each,
// exactly as under Node.
type Client struct {
	dial      func(ctx context.Context, network, addr string) (net.Conn, error)
	tlsConfig *tls.Config
	custom    *http.Client // a caller's client whose transport cannot be driven byte for byte

	mu   sync.Mutex
	idle map[string][]*pooledConn
}

type pooledConn struct {
	net.Conn
	rec *recorder
	br  *bufio.Reader
}

// recorder keeps the bytes read since reset, to recover the raw header block.
type recorder struct {
	r   io.Reader
	buf []byte
	on  bool
}

func (r *recorder) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if r.on && n > 0 {
		r.buf = append(r.buf, p[:n]...)
		if bytes.Contains(r.buf, []byte("\r\n\r\n")) || len(r.buf) > 1<<20 {
			r.on = false
		}
	}
	return n, err
}

var (
	shared     = New(nil, nil)
	customMu   sync.Mutex
	customByHC = map[*http.Client]*Client{}
)

func New(dial func(ctx context.Context, network, addr string) (net.Conn, error), tlsConfig *tls.Config) *Client {
	if dial == nil {
		d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
		dial = d.DialContext
	}
	return &Client{dial: dial, tlsConfig: tlsConfig, idle: map[string][]*pooledConn{}}
}

// For returns the client for Options.HTTPClient: the shared one for nil;
// for an *http.Transport, a client using its dialer and TLS settings; for any
// other transport, that client itself (then header order and case are Go's).
func For(hc *http.Client) *Client {
	if hc == nil {
		return shared
	}
	customMu.Lock()
	defer customMu.Unlock()
	if c, ok := customByHC[hc]; ok {
		return c
	}
	var c *Client
	rt := hc.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	if t, ok := rt.(*http.Transport); ok {
		var tc *tls.Config
		if t.TLSClientConfig != nil {
			tc = t.TLSClientConfig.Clone()
		}
		c = New(t.DialContext, tc)
	} else {
		c = &Client{custom: hc}
	}
	customByHC[hc] = c
	return c
}
