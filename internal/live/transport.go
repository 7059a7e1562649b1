package live

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sync"
)

// maxReply caps how much of a JIRA reply is kept for diagnosis.
const maxReply = 1 << 20

// reply is JIRA's answer to one token request, as received.
type reply struct {
	URL    string
	Status int
	Header http.Header
	Body   []byte
}

// recorder is an http.RoundTripper that binds requests to ctx and keeps the
// last reply. dghubble/oauth1's RequestToken and AccessToken take no context
// and reduce a failure to a string (config.go: "oauth1: invalid status %d: %s"),
// dropping the WWW-Authenticate header JIRA reports its oauth_problem in
// (docs/jira.md "OAuth 1.0a provider"); the recorder keeps both.
type recorder struct {
	ctx  context.Context
	base http.RoundTripper

	mu   sync.Mutex
	last *reply
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.base.RoundTrip(req.WithContext(r.ctx))
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxReply))
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	r.last = &reply{URL: req.URL.String(), Status: resp.StatusCode, Header: resp.Header.Clone(), Body: body}
	r.mu.Unlock()
	return resp, nil
}

// take returns the last reply and forgets it.
func (r *recorder) take() *reply {
	r.mu.Lock()
	defer r.mu.Unlock()
	last := r.last
	r.last = nil
	return last
}

// clientFor returns an HTTP client for one token request: bound to ctx,
// recording the reply, and not following redirects (see doc.go).
func clientFor(ctx context.Context, base *http.Client) (*http.Client, *recorder) {
	if base == nil {
		base = http.DefaultClient
	}
	rt := base.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	rec := &recorder{ctx: ctx, base: rt}
	return &http.Client{
		Transport: rec,
		Timeout:   base.Timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}, rec
}
