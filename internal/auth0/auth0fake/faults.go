package auth0fake

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Fault is an injected answer.
type Fault struct {
	// Status answers this status with Auth0's error body: 429 (with
	// x-ratelimit-* headers) or a 5xx.
	Status int
	// Message and ErrorCode, when set, replace the error body's message and
	// errorCode, e.g. a 400 invalid_body Auth0 would give.
	Message, ErrorCode string
	// RetryAfter, when set, is sent as the Retry-After header (seconds).
	RetryAfter string
	// ResetIn sets x-ratelimit-reset to now+ResetIn (a unix time, docs/auth0.md "Management API");
	// 0 = one second.
	ResetIn time.Duration
	// Hang holds the request until the client gives up (or the server
	// closes): a timeout.
	Hang bool
	// Apply lets the request take effect before the fault answers: the
	// answer of a create that did happen is lost.
	Apply bool
}

type fault struct {
	Fault
	method, path string
	left         int
}

func (f *fault) String() string {
	switch {
	case f.Hang && f.Apply:
		return "applied+hang"
	case f.Hang:
		return "hang"
	case f.Apply:
		return fmt.Sprintf("applied+%d", f.Status)
	}
	return strconv.Itoa(f.Status)
}

// Fail makes the next n requests matching method and path (exact path, no
// query; "" matches any method or any path) answer with f.
func (s *Server) Fail(method, path string, n int, f Fault) {
	s.faults.add(&fault{Fault: f, method: method, path: path, left: n})
}

// faultQueue holds the injected faults, in the order Fail added them.
type faultQueue struct {
	mu   sync.Mutex
	list []*fault
}

func (q *faultQueue) add(f *fault) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.list = append(q.list, f)
}

// take returns the first fault with uses left matching method and path, and
// uses it up once; nil when none matches.
func (q *faultQueue) take(method, path string) *fault {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, f := range q.list {
		if f.left > 0 && (f.method == "" || f.method == method) && (f.path == "" || f.path == path) {
			f.left--
			return f
		}
	}
	return nil
}

func (f *fault) answer(w http.ResponseWriter, r *http.Request, now time.Time) {
	if f.Hang {
		<-r.Context().Done()
		return
	}
	if f.Status == http.StatusTooManyRequests {
		reset := f.ResetIn
		if reset == 0 {
			reset = time.Second
		}
		w.Header().Set("X-Ratelimit-Limit", "50")
		w.Header().Set("X-Ratelimit-Remaining", "0")
		w.Header().Set("X-Ratelimit-Reset", strconv.FormatInt(now.Add(reset).Unix(), 10))
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		writeError(w, f.Status, "Too Many Requests", "Global limit has been reached", "too_many_requests")
		return
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	msg := f.Message
	if msg == "" {
		msg = "Injected failure"
	}
	writeError(w, f.Status, http.StatusText(f.Status), msg, f.ErrorCode)
}
