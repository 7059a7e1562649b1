package script

import (
	"context"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/wire"
)

// send makes one HTTP request for the script: recorded in Result.Requests,
// checked against the network policy, sent on a goroutine, and answered on
// the loop, always asynchronously (docs/node-oauth.md).
func (n *netHost) send(rawURL string, req *wire.Request, done func(*wire.Response, *netError) error) {
	idx := len(n.h.res.Requests)
	n.h.res.Requests = append(n.h.res.Requests, Request{Method: req.Method, URL: rawURL})
	start := time.Now()
	n.inflight[idx] = start
	enqueue := n.h.loop.RegisterCallback()
	finish := func(resp *wire.Response, ne *netError) func() error {
		return func() error {
			delete(n.inflight, idx)
			q := &n.h.res.Requests[idx]
			q.Duration = time.Since(start)
			switch {
			case ne != nil:
				q.Error = ne.Message
			case resp != nil:
				q.Status = resp.StatusCode
				if resp.Truncated {
					q.Error = "the connection closed before the body was complete: node-oauth never calls back then"
				}
			}
			return done(resp, ne)
		}
	}
	if req.Host == "" {
		// A relative URL (e.g. a relative Location) has no host: Node's
		// http.request goes to localhost:80, which refuses (docs/node-oauth.md). The
		// sandbox does not connect there; it reports what Node reports.
		ne := &netError{Message: "connect ECONNREFUSED 127.0.0.1:80", Code: "ECONNREFUSED", Errno: -111, Syscall: "connect",
			Address: "127.0.0.1", Port: "80"}
		go enqueue(func() error {
			err := finish(nil, ne)()
			n.h.res.Requests[idx].Error += " (a URL without a host: node-oauth sends it to localhost:80)"
			return err
		})
		return
	}
	if !n.policy.allows(req.Host, req.Port) {
		ne := n.policy.blocked(req.Host, req.Port)
		go enqueue(finish(nil, ne))
		return
	}
	if to := mapHost(n.h.opts.HostMap, req); to != "" {
		n.h.res.Requests[idx].MappedTo = to
	}
	wire, ctx := n.wire, n.h.ctx
	go func() {
		resp, err := wire.Do(ctx, req)
		var ne *netError
		if err != nil && runEnded(ctx) {
			enqueue(nil) // aborted because the run ended: the script never hears of it
			return
		}
		if err != nil {
			ne = nodeNetError(err, req.Host, req.Port)
		}
		enqueue(finish(resp, ne))
	}()
}

// runEnded reports whether ctx is done or past its deadline (a dial can time
// out at the deadline a moment before ctx says so).
func runEnded(ctx context.Context) bool {
	if ctx.Err() != nil {
		return true
	}
	dl, ok := ctx.Deadline()
	return ok && !time.Now().Before(dl)
}

// dropDuplicates are the headers Node keeps only the first of
// (_http_incoming.js matchKnownFields).
var dropDuplicates = map[string]bool{
	"content-type": true, "content-length": true, "user-agent": true, "referer": true, "host": true,
	"authorization": true, "proxy-authorization": true, "if-modified-since": true,
	"if-unmodified-since": true, "from": true, "location": true, "max-forwards": true,
	"retry-after": true, "etag": true, "last-modified": true, "server": true, "age": true, "expires": true,
}

// responseObject is the IncomingMessage node-oauth passes as `response`:
// statusCode, statusMessage, headers (names lower-cased, duplicates merged
// as Node merges them), rawHeaders and httpVersion.
func (n *netHost) responseObject(w *wire.Response) *goja.Object {
	o := n.h.vm.NewObject()
	headers := n.h.vm.NewObject()
	var cookies []any
	merged := map[string]string{}
	var order []string
	for i := 0; i+1 < len(w.RawHeaders); i += 2 {
		name, value := strings.ToLower(w.RawHeaders[i]), w.RawHeaders[i+1]
		if name == "set-cookie" {
			if cookies == nil {
				order = append(order, name)
			}
			cookies = append(cookies, value)
			continue
		}
		prev, seen := merged[name]
		switch {
		case !seen:
			order = append(order, name)
			merged[name] = value
		case dropDuplicates[name]:
		case name == "cookie":
			merged[name] = prev + "; " + value
		default:
			merged[name] = prev + ", " + value
		}
	}
	for _, name := range order {
		if name == "set-cookie" {
			_ = headers.Set(name, n.h.vm.NewArray(cookies...))
		} else {
			_ = headers.Set(name, merged[name])
		}
	}
	raw := make([]any, len(w.RawHeaders))
	for i, v := range w.RawHeaders {
		raw[i] = v
	}
	major, minor, _ := strings.Cut(w.HTTPVersion, ".")
	_ = o.Set("statusCode", w.StatusCode)
	_ = o.Set("statusMessage", w.StatusMessage)
	_ = o.Set("headers", headers)
	_ = o.Set("rawHeaders", n.h.vm.NewArray(raw...))
	_ = o.Set("trailers", n.h.vm.NewObject())
	_ = o.Set("rawTrailers", n.h.vm.NewArray())
	_ = o.Set("httpVersion", w.HTTPVersion)
	_ = o.Set("httpVersionMajor", atoiOr(major))
	_ = o.Set("httpVersionMinor", atoiOr(minor))
	_ = o.Set("complete", true)
	return o
}

func atoiOr(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return n
		}
		n = n*10 + int(c-'0')
	}
	return n
}
