package auth0

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/oauth2"
)

// maxBody bounds what the client reads of one answer.
const maxBody = 16 << 20

// Client calls the Management API of one tenant. HTTP must authenticate its
// requests (see New); BaseURL is the tenant's scheme://host[:port].
type Client struct {
	BaseURL string
	HTTP    *http.Client

	Retry Retry
	// AttemptTimeout bounds one send; 0 = 30s. A send that times out is retried.
	AttemptTimeout time.Duration
	// Log, when set, gets one line per retry: what failed (status or
	// transport error, method, path), the wait and the attempt, e.g.
	// "auth0: 429 on GET /api/v2/connections, retrying in 2s (attempt 2/5)".
	// Never a header or a body, so never a token or a secret. The final
	// answer is not logged: it is the caller's result or error.
	Log io.Writer
}

// Request is one request exactly as the client sends it, for --dry-run. Its
// Authorization header is masked.
type Request struct {
	Method string
	URL    string
	Header http.Header
	Body   []byte
}

// Describe returns the request the client would send for method, path and body,
// without sending it.
func (c *Client) Describe(method, path string, query url.Values, body any) (Request, error) {
	data, err := encodeBody(body)
	if err != nil {
		return Request{}, err
	}
	h := http.Header{}
	h.Set("Authorization", "Bearer [REDACTED]")
	h.Set("Accept", "application/json")
	if data != nil {
		h.Set("Content-Type", "application/json")
	}
	return Request{Method: method, URL: c.url(path, query), Header: h, Body: data}, nil
}

func (c *Client) url(path string, query url.Values) string {
	u := c.BaseURL + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	return u
}

func encodeBody(body any) ([]byte, error) {
	switch b := body.(type) {
	case nil:
		return nil, nil
	case json.RawMessage:
		return b, nil
	case []byte:
		return b, nil
	}
	data, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("auth0: encoding the request body: %w", err)
	}
	return data, nil
}

// call is one API call: what to send, where to decode the answer and which
// scopes it needs (for the advice on 401/403).
type call struct {
	method, path string
	query        url.Values
	body         any
	out          any
	needs        []string
}

// do sends c with retries (see Retry) and decodes a 2xx answer into c.out.
// A non-2xx answer is an *APIError; a transport failure after the last attempt
// is a plain error naming the call.
func (cl *Client) do(ctx context.Context, c call) error {
	data, err := encodeBody(c.body)
	if err != nil {
		return err
	}
	target := cl.url(c.path, c.query)
	shown := c.path
	if len(c.query) > 0 {
		shown += "?" + c.query.Encode()
	}
	start := cl.Retry.now()
	var lastErr error
	for attempt := 1; ; attempt++ {
		// An attempt may not outlast the budget: MaxElapsed bounds the
		// whole call, sends included, not only the waits between them.
		left := cl.Retry.maxElapsed() - cl.Retry.now().Sub(start)
		if attempt > 1 && left <= 0 {
			return giveUp(lastErr, attempt-1)
		}
		status, header, body, err := cl.send(ctx, c.method, target, data, left)
		var wait time.Duration
		hinted := false
		why := "" // what went wrong, for the retry's log line
		switch {
		case err != nil && ctx.Err() != nil:
			return fmt.Errorf("auth0: %s %s: %w", c.method, shown, ctx.Err())
		case err != nil:
			var re *oauth2.RetrieveError
			if errors.As(err, &re) {
				// The client-credentials exchange failed.
				st := 0
				var h http.Header
				if re.Response != nil {
					st, h = re.Response.StatusCode, re.Response.Header
				}
				ae := parseAPIError("POST", tokenPath, st, re.Body)
				ae.Attempts, ae.Needs = attempt, c.needs
				if ae.Message == "" {
					ae.Message = re.ErrorDescription
				}
				lastErr = ae
				if !retryableStatus(st) {
					return fmt.Errorf("auth0: getting a Management API token with the client credentials: %w", ae)
				}
				wait, hinted = cl.Retry.hinted(h)
				why = fmt.Sprintf("%d on POST %s", st, tokenPath)
			} else {
				lastErr = fmt.Errorf("auth0: %s %s: %w", c.method, shown, err)
				why = fmt.Sprintf("%s %s failed (%v)", c.method, shown, transportReason(err))
			}
		case status >= 200 && status < 300:
			if c.out != nil && len(bytes.TrimSpace(body)) > 0 {
				if err := json.Unmarshal(body, c.out); err != nil {
					return fmt.Errorf("auth0: %s %s: reading the answer: %v: %s", c.method, shown, err, snippet(body))
				}
			}
			return nil
		default:
			ae := parseAPIError(c.method, shown, status, body)
			ae.Attempts, ae.Needs = attempt, c.needs
			if !retryableStatus(status) {
				return ae
			}
			lastErr = ae
			wait, hinted = cl.Retry.hinted(header)
			why = fmt.Sprintf("%d on %s %s", status, c.method, shown)
		}
		if attempt >= cl.Retry.maxAttempts() {
			return giveUp(lastErr, attempt)
		}
		if !hinted {
			wait = cl.Retry.backoff(attempt)
		}
		if cl.Retry.now().Add(wait).Sub(start) > cl.Retry.maxElapsed() {
			return giveUp(lastErr, attempt)
		}
		// Only retries are logged: the final answer, good or bad, is the
		// caller's to report, and an error would otherwise be shown twice.
		cl.logf("%s, retrying in %s (attempt %d/%d)", why, wait.Round(time.Millisecond), attempt+1, cl.Retry.maxAttempts())
		if err := cl.Retry.sleep(ctx, wait); err != nil {
			return fmt.Errorf("auth0: %s %s: %w", c.method, shown, err)
		}
	}
}

// giveUp marks the last failure with the number of attempts made.
func giveUp(err error, attempts int) error {
	if ae, ok := asAPIError(err); ok {
		ae.Attempts = attempts
		return err
	}
	return fmt.Errorf("%w (gave up after %d attempts; check --domain and the network)", err, attempts)
}

func asAPIError(err error) (*APIError, bool) {
	var ae *APIError
	ok := errors.As(err, &ae)
	return ae, ok
}

// send makes one attempt within AttemptTimeout, and within left, what remains
// of the retry budget.
func (cl *Client) send(ctx context.Context, method, target string, data []byte, left time.Duration) (int, http.Header, []byte, error) {
	timeout := cl.AttemptTimeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	if left > 0 {
		timeout = min(timeout, left)
	}
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var rd io.Reader
	if data != nil {
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(actx, method, target, rd)
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("Accept", "application/json")
	if data != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	hc := cl.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return 0, nil, nil, fmt.Errorf("reading the answer: %w", err)
	}
	return resp.StatusCode, resp.Header, body, nil
}

func (cl *Client) logf(format string, args ...any) {
	if cl.Log != nil {
		fmt.Fprintf(cl.Log, "auth0: "+format+"\n", args...)
	}
}

// transportReason shortens a transport failure for the retry log: a timeout
// says so, anything else is the innermost error (no URL, which the log line
// already names).
func transportReason(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return "timed out"
		}
		return ue.Err.Error()
	}
	return err.Error()
}
