package wire

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
)

// doCustom sends req through a caller's http.Client: header case and order
// are then Go's, and redirects are not followed (node-oauth follows them itself).
func (c *Client) doCustom(ctx context.Context, req *Request) (*Response, error) {
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
	out := &Response{
		HTTPVersion:   fmt.Sprintf("%d.%d", hr.ProtoMajor, hr.ProtoMinor),
		StatusCode:    hr.StatusCode,
		StatusMessage: strings.TrimSpace(strings.TrimPrefix(hr.Status, fmt.Sprint(hr.StatusCode))),
	}
	for name, vs := range hr.Header {
		for _, v := range vs {
			out.RawHeaders = append(out.RawHeaders, name, v)
		}
	}
	body, err := io.ReadAll(io.LimitReader(hr.Body, MaxResponseBody+1))
	out.Body = body
	if errors.Is(err, io.ErrUnexpectedEOF) {
		out.Truncated = true
	} else if err != nil {
		return nil, err
	}
	return out, nil
}
