package wire

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRawHeaderLines(t *testing.T) {
	raw := []byte("HTTP/1.1 200 OK\r\nContent-Type: a\r\nX-Y:  b \r\n\r\nbody")
	assert.Equal(t, []string{"Content-Type", "a", "X-Y", "b"}, rawHeaderLines(raw))
	assert.Nil(t, rawHeaderLines([]byte("HTTP/1.1 200 OK\r\n")))
}

// TestByteExactRequest checks that header case, order and repeated lines
// reach the server exactly as given, and that rawHeaders keep the server's.
func TestByteExactRequest(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	got := make(chan string, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		br := bufio.NewReader(c)
		var head strings.Builder
		for {
			line, err := br.ReadString('\n')
			head.WriteString(line)
			if err != nil || line == "\r\n" {
				break
			}
		}
		body := make([]byte, 2)
		_, _ = io.ReadFull(br, body)
		got <- head.String() + string(body)
		_, _ = io.WriteString(c, "HTTP/1.1 201 Made\r\nX-b: 1\r\nx-A: 2\r\nLocation: /a\r\nLocation: /b\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
	}()
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	req := &Request{Scheme: "http", Host: host, Port: port, Method: "POST", Path: "/p?q=1",
		Header: []Field{{Name: "Host", Value: "h"}, {Name: "Content-length", Value: "2"}, {Name: "X-Multi", Value: "a", More: []string{"b"}}},
		Body:   []byte("hi")}
	resp, err := For(nil).Do(context.Background(), req)
	require.NoError(t, err)
	assert.Equal(t, "POST /p?q=1 HTTP/1.1\r\nHost: h\r\nContent-length: 2\r\nX-Multi: a\r\nX-Multi: b\r\n\r\nhi", <-got)
	assert.Equal(t, 201, resp.StatusCode)
	assert.Equal(t, "Made", resp.StatusMessage)
	assert.Equal(t, "1.1", resp.HTTPVersion)
	assert.Equal(t, []string{"X-b", "1", "x-A", "2", "Location", "/a", "Location", "/b", "Content-Length", "2", "Connection", "close"}, resp.RawHeaders)
	assert.Equal(t, "/a", resp.Location())
	assert.Equal(t, "ok", string(resp.Body))
	assert.False(t, resp.Truncated)
}

// TestCustomClient sends through a caller's client when its transport is not
// an *http.Transport.
func TestCustomClient(t *testing.T) {
	var seen *http.Request
	hc := &http.Client{Transport: rtFunc(func(r *http.Request) (*http.Response, error) {
		seen = r
		return &http.Response{StatusCode: 302, Status: "302 Found", ProtoMajor: 1, ProtoMinor: 1,
			Header: http.Header{"Location": {"/next"}}, Body: io.NopCloser(strings.NewReader("x"))}, nil
	})}
	c := For(hc)
	assert.Same(t, c, For(hc), "one Client per http.Client")
	resp, err := c.Do(context.Background(), &Request{Scheme: "http", Host: "example.test", Port: "80", Method: "GET", Path: "/",
		Header: []Field{{Name: "Host", Value: "other.test"}, {Name: "X-A", Value: "1", More: []string{"2"}}}})
	require.NoError(t, err)
	assert.Equal(t, "other.test", seen.Host)
	assert.Equal(t, []string{"1", "2"}, seen.Header.Values("X-A"))
	assert.Equal(t, 302, resp.StatusCode, "redirects are not followed")
	assert.Equal(t, "/next", resp.Location())
}

type rtFunc func(*http.Request) (*http.Response, error)

func (f rtFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
