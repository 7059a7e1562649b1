package wire

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// roundTrip writes req on conn and reads the response. sent reports whether
// any response byte arrived (then a retry would not be safe).
func (c *Client) roundTrip(ctx context.Context, conn *pooledConn, req *Request) (resp *Response, keep, sent bool, err error) {
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
	out := &Response{
		HTTPVersion:   fmt.Sprintf("%d.%d", hr.ProtoMajor, hr.ProtoMinor),
		StatusCode:    hr.StatusCode,
		StatusMessage: strings.TrimSpace(strings.TrimPrefix(hr.Status, fmt.Sprint(hr.StatusCode))),
		RawHeaders:    rawHeaderLines(conn.rec.buf),
	}
	body, err := io.ReadAll(io.LimitReader(hr.Body, MaxResponseBody+1))
	out.Body = body
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		out.Truncated = true
		return out, false, true, nil
	case err != nil:
		return nil, false, true, err
	case len(body) > MaxResponseBody:
		return nil, false, true, fmt.Errorf("wire: response body larger than %d bytes", MaxResponseBody)
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
