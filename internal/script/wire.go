package script

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// wire.go sends the shim's HTTP requests byte for byte as Node's http module
// would: header names keep their case (node-oauth's "Content-length") and
// their order (docs/node-oauth.md), which Go's http.Header cannot do. Responses are
// parsed with net/http; the raw header lines are kept for rawHeaders.

// wireRequest is one HTTP request to send.
type wireRequest struct {
	Scheme     string // "http" or "https"
	Host, Port string // where to connect (Host without brackets)
	Method     string
	Path       string // path and query, sent verbatim
	Header     []headerField
	Body       []byte
}

// wireResponse is a response as Node's IncomingMessage shows it.
type wireResponse struct {
	HTTPVersion   string
	StatusCode    int
	StatusMessage string
	RawHeaders    []string // name, value, name, value… as received
	Body          []byte
	Truncated     bool // the connection closed before the body was complete
}

// maxResponseBody bounds what one response may bring into the sandbox.
const maxResponseBody = 64 << 20

// wireClient sends wireRequests. It keeps idle connections for reuse when
// neither side asked to close; node-oauth's default headers carry
// "Connection: close" (docs/node-oauth.md), so its requests use one connection each,
// exactly as under Node.
type wireClient struct {
	dial      func(ctx context.Context, network, addr string) (net.Conn, error)
	tlsConfig *tls.Config
	custom    *http.Client // a caller's client whose transport cannot be driven byte for byte

	mu   sync.Mutex
	idle map[string][]*wireConn
}

type wireConn struct {
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
	sharedWire     = newWireClient(nil, nil)
	customWireMu   sync.Mutex
	customWireByHC = map[*http.Client]*wireClient{}
)

func newWireClient(dial func(ctx context.Context, network, addr string) (net.Conn, error), tlsConfig *tls.Config) *wireClient {
	if dial == nil {
		d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
		dial = d.DialContext
	}
	return &wireClient{dial: dial, tlsConfig: tlsConfig, idle: map[string][]*wireConn{}}
}

// wireFor returns the client for Options.HTTPClient: the shared one for nil;
// for an *http.Transport, a client using its dialer and TLS settings; for any
// other transport, that client itself (then header order and case are Go's).
func wireFor(hc *http.Client) *wireClient {
	if hc == nil {
		return sharedWire
	}
	customWireMu.Lock()
	defer customWireMu.Unlock()
	if c, ok := customWireByHC[hc]; ok {
		return c
	}
	var c *wireClient
	rt := hc.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	if t, ok := rt.(*http.Transport); ok {
		var tc *tls.Config
		if t.TLSClientConfig != nil {
			tc = t.TLSClientConfig.Clone()
		}
		c = newWireClient(t.DialContext, tc)
	} else {
		c = &wireClient{custom: hc}
	}
	customWireByHC[hc] = c
	return c
}

// Do sends req and reads the whole response.
func (c *wireClient) Do(ctx context.Context, req *wireRequest) (*wireResponse, error) {
	if c.custom != nil {
		return c.doCustom(ctx, req)
	}
	key := req.Scheme + "://" + net.JoinHostPort(req.Host, req.Port)
	for attempt := 0; ; attempt++ {
		conn, reused, err := c.conn(ctx, key, req)
		if err != nil {
			return nil, err
		}
		resp, keep, sent, err := c.roundTrip(ctx, conn, req)
		if err != nil {
			conn.Close()
			// A kept connection the server closed meanwhile: try once on a fresh one.
			if reused && !sent && attempt == 0 {
				continue
			}
			return nil, err
		}
		if keep {
			c.put(key, conn)
		} else {
			conn.Close()
		}
		return resp, nil
	}
}

func (c *wireClient) conn(ctx context.Context, key string, req *wireRequest) (*wireConn, bool, error) {
	c.mu.Lock()
	if l := c.idle[key]; len(l) > 0 {
		conn := l[len(l)-1]
		c.idle[key] = l[:len(l)-1]
		c.mu.Unlock()
		return conn, true, nil
	}
	c.mu.Unlock()
	raw, err := c.dial(ctx, "tcp", net.JoinHostPort(req.Host, req.Port))
	if err != nil {
		return nil, false, err
	}
	if req.Scheme == "https" {
		cfg := &tls.Config{}
		if c.tlsConfig != nil {
			cfg = c.tlsConfig.Clone()
		}
		if cfg.ServerName == "" {
			cfg.ServerName = req.Host
		}
		tc := tls.Client(raw, cfg)
		if err := tc.HandshakeContext(ctx); err != nil {
			raw.Close()
			return nil, false, err
		}
		raw = tc
	}
	rec := &recorder{r: raw}
	return &wireConn{Conn: raw, rec: rec, br: bufio.NewReader(rec)}, false, nil
}

const maxIdlePerHost = 4

func (c *wireClient) put(key string, conn *wireConn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.idle[key]) >= maxIdlePerHost {
		conn.Close()
		return
	}
	c.idle[key] = append(c.idle[key], conn)
}

// roundTrip writes req on conn and reads the response. sent reports whether
// any response byte arrived (then a retry would not be safe).
func (c *wireClient) roundTrip(ctx context.Context, conn *wireConn, req *wireRequest) (resp *wireResponse, keep, sent bool, err error) {
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\n", req.Method, req.Path)
	closeReq := false
	for _, h := range req.Header {
		b.WriteString(h.Name + ": " + h.Value + "\r\n")
		for _, v := range h.More {
			b.WriteString(h.Name + ": " + v + "\r\n")
		}
		if strings.EqualFold(h.Name, "connection") && strings.Contains(strings.ToLower(h.Value), "close") {
			closeReq = true
		}
	}
	b.WriteString("\r\n")
	b.Write(req.Body)
	if _, err := conn.Write(b.Bytes()); err != nil {
		return nil, false, false, err
	}
	conn.rec.buf, conn.rec.on = conn.rec.buf[:0], true
	if _, err := conn.br.Peek(1); err != nil {
		return nil, false, false, err
	}
	hr, err := http.ReadResponse(conn.br, &http.Request{Method: req.Method})
	if err != nil {
		return nil, false, true, err
	}
	defer hr.Body.Close()
	out := &wireResponse{
		HTTPVersion:   fmt.Sprintf("%d.%d", hr.ProtoMajor, hr.ProtoMinor),
		StatusCode:    hr.StatusCode,
		StatusMessage: strings.TrimSpace(strings.TrimPrefix(hr.Status, fmt.Sprint(hr.StatusCode))),
		RawHeaders:    rawHeaderLines(conn.rec.buf),
	}
	body, err := io.ReadAll(io.LimitReader(hr.Body, maxResponseBody+1))
	out.Body = body
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		out.Truncated = true
		return out, false, true, nil
	case err != nil:
		return nil, false, true, err
	case len(body) > maxResponseBody:
		return nil, false, true, fmt.Errorf("script: response body larger than %d bytes", maxResponseBody)
	}
	return out, !closeReq && !hr.Close, true, nil
}

// rawHeaderLines returns the header names and values of the first header
// block in raw, as Node's rawHeaders lists them.
func rawHeaderLines(raw []byte) []string {
	end := bytes.Index(raw, []byte("\r\n\r\n"))
	if end < 0 {
		return nil
	}
	lines := strings.Split(string(raw[:end]), "\r\n")
	out := []string{}
	for _, l := range lines[1:] {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		out = append(out, name, strings.TrimSpace(value))
	}
	return out
}

// doCustom sends req through a caller's http.Client: header case and order
// are then Go's, and redirects are not followed (node-oauth follows them itself).
func (c *wireClient) doCustom(ctx context.Context, req *wireRequest) (*wireResponse, error) {
	u := req.Scheme + "://" + net.JoinHostPort(req.Host, req.Port) + req.Path
	hreq, err := http.NewRequestWithContext(ctx, req.Method, u, bytes.NewReader(req.Body))
	if err != nil {
		return nil, err
	}
	for _, h := range req.Header {
		switch strings.ToLower(h.Name) {
		case "host":
			hreq.Host = h.Value
		case "content-length":
		default:
			hreq.Header.Add(h.Name, h.Value)
			for _, v := range h.More {
				hreq.Header.Add(h.Name, v)
			}
		}
	}
	hreq.ContentLength = int64(len(req.Body))
	hc := *c.custom
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	hr, err := hc.Do(hreq)
	if err != nil {
		var ue interface{ Unwrap() error }
		if errors.As(err, &ue) && ue.Unwrap() != nil {
			err = ue.Unwrap()
		}
		return nil, err
	}
	defer hr.Body.Close()
	out := &wireResponse{
		HTTPVersion:   fmt.Sprintf("%d.%d", hr.ProtoMajor, hr.ProtoMinor),
		StatusCode:    hr.StatusCode,
		StatusMessage: strings.TrimSpace(strings.TrimPrefix(hr.Status, fmt.Sprint(hr.StatusCode))),
	}
	for name, vs := range hr.Header {
		for _, v := range vs {
			out.RawHeaders = append(out.RawHeaders, name, v)
		}
	}
	body, err := io.ReadAll(io.LimitReader(hr.Body, maxResponseBody+1))
	out.Body = body
	if errors.Is(err, io.ErrUnexpectedEOF) {
		out.Truncated = true
	} else if err != nil {
		return nil, err
	}
	return out, nil
}
