package jiramock

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// exchange is one request being answered, with its log entry.
type exchange struct {
	s       *Mock
	w       *statusWriter
	r       *http.Request
	now     time.Time
	entry   LogEntry
	dropped bool
}

func (x *exchange) methods(allowed ...string) bool {
	for _, m := range allowed {
		if x.r.Method == m {
			return true
		}
	}
	x.w.Header().Set("Allow", strings.Join(allowed, ", "))
	x.text(http.StatusMethodNotAllowed, "jiramock: "+x.r.Method+" is not allowed here; use "+strings.Join(allowed, " or ")+"\n")
	return false
}

// oauth collects the request's parameters and notes its consumer and token
// in the log entry.
func (x *exchange) oauth() (*oauthParams, *problem) {
	params, err := collectParams(x.r)
	if err != nil {
		return nil, newProblem(ProblemParameterRejected, err.Error())
	}
	op := readOAuth(params)
	x.entry.Consumer, x.entry.Token = op.consumerKey, op.token
	return &op, nil
}

// fail answers with an OAuth problem and logs it as the verdict.
func (x *exchange) fail(p *problem) {
	x.entry.Verdict = p.name
	x.entry.Detail = p.detail
	if x.entry.Detail == "" {
		x.entry.Detail = p.advice
	}
	p.write(x.w, x.s.baseFor(x.r))
}

// replyForm answers a token endpoint: text/plain, pairs form-encoded in order.
func (x *exchange) replyForm(kv ...string) {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(percentEncode(kv[i]))
		b.WriteByte('=')
		b.WriteString(percentEncode(kv[i+1]))
	}
	x.entry.Verdict = VerdictOK
	x.text(http.StatusOK, b.String())
}

func (x *exchange) text(status int, body string) {
	x.w.Header().Set("Content-Type", "text/plain;charset=UTF-8")
	x.w.WriteHeader(status)
	_, _ = io.WriteString(x.w, body)
}

// statusWriter remembers the status for the log. It passes Hijack through so
// that a fault can drop the connection.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := w.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("jiramock: the connection cannot be hijacked")
	}
	return hj.Hijack()
}
