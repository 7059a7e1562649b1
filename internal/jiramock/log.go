package jiramock

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// LogEntry is one request the mock answered.
type LogEntry struct {
	Time     time.Time `json:"time"`
	Method   string    `json:"method"`
	Path     string    `json:"path"` // path and query as received
	Consumer string    `json:"consumer,omitempty"`
	Token    string    `json:"token,omitempty"`
	Verdict  string    `json:"verdict"`          // "ok", "anonymous", or the oauth_problem (e.g. "signature_invalid")
	Detail   string    `json:"detail,omitempty"` // e.g. the base string the mock computed, the fault applied
	Status   int       `json:"status"`           // 0: no answer (connection dropped, client gone)
}

// Verdicts besides the oauth_problem values.
const (
	VerdictOK        = "ok"
	VerdictAnonymous = "anonymous"
)

// String is the entry's line in `bridge mock -v`:
// time method path -> status verdict [consumer=…] [token=…] [detail].
func (e LogEntry) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s -> %d, %s", e.Time.UTC().Format("15:04:05.000"), e.Method, e.Path, e.Status, e.verdictText())
	if e.Consumer != "" {
		fmt.Fprintf(&b, " consumer=%s", e.Consumer)
	}
	if e.Token != "" {
		fmt.Fprintf(&b, " token=%s", e.Token)
	}
	if e.Detail != "" {
		fmt.Fprintf(&b, " (%s)", e.Detail)
	}
	return b.String()
}

// verdictText says what the OAuth check made of the request, so that a
// status and a verdict cannot be confused: "-> 400, OAuth ok" is a request
// that was signed well and still refused.
func (e LogEntry) verdictText() string {
	switch e.Verdict {
	case VerdictAnonymous:
		return "anonymous (no complete set of OAuth parameters)"
	default:
		return "OAuth " + e.Verdict
	}
}

// Caps keep a long-running mock's log bounded: the oldest entries go first.
const (
	maxLogEntries      = 10000
	maxLogPerToken     = 1000
	maxLoggedTokenKeys = 10000
)

// requestLog keeps the entries in order, and per token for RequestsFor.
type requestLog struct {
	mu      sync.Mutex
	all     []LogEntry
	byToken map[string][]LogEntry
	w       io.Writer
	// changed is closed (and replaced) when an entry is added while someone
	// waits in RequestsForAtLeast.
	changed chan struct{}
	waiters int
}

func newRequestLog(w io.Writer) *requestLog {
	return &requestLog{byToken: make(map[string][]LogEntry), w: w, changed: make(chan struct{})}
}

func (l *requestLog) add(e LogEntry) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.all) >= maxLogEntries {
		l.all = append(l.all[:0], l.all[len(l.all)/2:]...)
	}
	l.all = append(l.all, e)
	if e.Token != "" {
		if _, ok := l.byToken[e.Token]; !ok && len(l.byToken) >= maxLoggedTokenKeys {
			clear(l.byToken)
		}
		es := l.byToken[e.Token]
		if len(es) >= maxLogPerToken {
			es = append(es[:0], es[len(es)/2:]...)
		}
		l.byToken[e.Token] = append(es, e)
	}
	if l.w != nil {
		fmt.Fprintln(l.w, e.String())
	}
	if l.waiters > 0 {
		close(l.changed)
		l.changed = make(chan struct{})
	}
}

// Requests returns a copy of the request log, oldest first.
func (s *Mock) Requests() []LogEntry {
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	return append([]LogEntry(nil), s.log.all...)
}

// RequestsFor returns the logged requests that carried token (as oauth_token),
// oldest first: one test case's traffic on a shared mock.
func (s *Mock) RequestsFor(token string) []LogEntry {
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	return append([]LogEntry(nil), s.log.byToken[token]...)
}

// RequestsForAtLeast is RequestsFor once at least n requests carrying token
// are logged, or after timeout with what there is then. The mock logs a
// request when its handler returns, which can be just after the client has
// read the answer: a caller that counted its requests waits here for their
// entries without polling.
func (s *Mock) RequestsForAtLeast(token string, n int, timeout time.Duration) []LogEntry {
	l := s.log
	var timer *time.Timer
	l.mu.Lock()
	defer l.mu.Unlock()
	for {
		es := l.byToken[token]
		if len(es) >= n {
			return append([]LogEntry(nil), es...)
		}
		if timer == nil {
			timer = time.NewTimer(timeout)
			defer timer.Stop()
		}
		ch := l.changed
		l.waiters++
		l.mu.Unlock()
		expired := false
		select {
		case <-ch:
		case <-timer.C:
			expired = true
		}
		l.mu.Lock()
		l.waiters--
		if expired {
			return append([]LogEntry(nil), l.byToken[token]...)
		}
	}
}
