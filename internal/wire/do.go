package wire

import (
	"bufio"
	"context"
	"crypto/tls"
	"net"
)

// Do sends req and reads the whole response.
func (c *Client) Do(ctx context.Context, req *Request) (*Response, error) {
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

func (c *Client) conn(ctx context.Context, key string, req *Request) (*pooledConn, bool, error) {
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
	return &pooledConn{Conn: raw, rec: rec, br: bufio.NewReader(rec)}, false, nil
}

const maxIdlePerHost = 4

func (c *Client) put(key string, conn *pooledConn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.idle[key]) >= maxIdlePerHost {
		conn.Close()
		return
	}
	c.idle[key] = append(c.idle[key], conn)
}
