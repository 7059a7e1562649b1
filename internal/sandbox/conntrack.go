package sandbox

import (
	"bytes"
	"net"
	"strconv"
	"sync"
	"time"
)

// trackedConn reports the HTTP/1.1 requests that cross a connection of the
// worker: a request starts with the first write after a response (its
// request line gives method and target) and ends when the first bytes of the
// response arrive (the status line), or when the connection closes first.
// The parent thus knows what is pending even when the runtime is stuck in a
// native call. Over TLS the request line is not visible: the event names the
// connection instead ("https://host:port", method empty).
type trackedConn struct {
	net.Conn
	w    *worker
	addr string

	mu   sync.Mutex
	pend *runState // the run of the request awaiting its response
	n    int
}

func (c *trackedConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	if c.pend == nil {
		if rs := c.w.cur.Load(); rs != nil {
			c.pend, c.n = rs, int(rs.seq.Add(1)-1)
			method, url := requestLine(p, c.addr)
			c.w.event(&reqEvent{ID: rs.id, N: c.n, Phase: "start", Method: cut(method, 64), URL: cut(rs.red.String(url), MaxURL)})
		}
	}
	c.mu.Unlock()
	return c.Conn.Write(p)
}

func (c *trackedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.end(statusOf(p[:n]), "")
	}
	return n, err
}

func (c *trackedConn) Close() error {
	c.end(0, "the connection closed before a response")
	return c.Conn.Close()
}

func (c *trackedConn) end(status int, msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pend == nil {
		return
	}
	late := !c.pend.deadline.IsZero() && !time.Now().Before(c.pend.deadline)
	c.w.event(&reqEvent{ID: c.pend.id, N: c.n, Phase: "end", Status: status, Error: msg, Late: late})
	c.pend = nil
}

// requestLine reads "METHOD TARGET HTTP/1.1" at the start of p.
func requestLine(p []byte, addr string) (method, url string) {
	line := p
	if i := bytes.Index(p, []byte("\r\n")); i >= 0 {
		line = p[:i]
	}
	parts := bytes.SplitN(line, []byte(" "), 3)
	if len(parts) < 3 || !bytes.HasPrefix(parts[2], []byte("HTTP/")) || len(parts[0]) == 0 || parts[0][0] < 'A' || parts[0][0] > 'Z' {
		return "", "https://" + addr
	}
	target := string(parts[1])
	if len(target) > 0 && target[0] == '/' {
		target = "http://" + addr + target
	}
	return string(parts[0]), target
}

// statusOf reads the status code of "HTTP/1.1 200 OK" at the start of p; 0
// when p does not start with one (TLS, or a partial read).
func statusOf(p []byte) int {
	if !bytes.HasPrefix(p, []byte("HTTP/")) {
		return 0
	}
	i := bytes.IndexByte(p, ' ')
	if i < 0 || len(p) < i+4 {
		return 0
	}
	n, err := strconv.Atoi(string(p[i+1 : i+4]))
	if err != nil {
		return 0
	}
	return n
}
