package auth0fake

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// AllScopes are the connection scopes of the Management API (docs/auth0.md "Management API").
var AllScopes = []string{
	"create:connections", "read:connections", "update:connections",
	"read:connections_options", "update:connections_options",
}

// Request is one request the fake received, for assertions.
type Request struct {
	Method string
	Path   string // without the query
	Query  string
	Body   string // the request body; token requests are logged without it
	Status int    // the status answered (0 when the client went away)
	Fault  string // the fault applied, if any
}

// IsWrite reports whether r would change the tenant: a POST or PATCH of the
// Management API (the token endpoint does not count).
func (r Request) IsWrite() bool {
	return strings.HasPrefix(r.Path, "/api/") && r.Method != http.MethodGet && r.Method != http.MethodHead
}

// Server is a running fake tenant. Its methods are safe for concurrent use.
type Server struct {
	srv *httptest.Server

	// Now is the fake's clock (x-ratelimit-reset); nil = time.Now.
	//
	// Now, Hook and AfterWrite may be assigned directly only before the
	// first request; once a client may be talking to the fake, use SetNow,
	// SetHook and SetAfterWrite, which take the fake's lock (the handlers
	// read the three under it), or the assignment races with the handlers.
	Now func() time.Time
	// Hook, when set, runs before each request is handled, outside the
	// fake's lock: a test can change the tenant under the client's feet (a
	// concurrent create, for the 409 race). See Now for when to set it.
	Hook func(r *http.Request)
	// AfterWrite, when set, may change a connection right after a create or a
	// PATCH stored it (as a tenant-side rule would): read-back tests. It runs
	// under the fake's lock, so it must not call the fake's methods. See Now
	// for when to set it.
	AfterWrite func(conn map[string]any)

	auth   authority // applications and tokens, under their own lock
	faults faultQueue

	mu      sync.Mutex
	conns   []map[string]any    // in creation order
	enabled map[string][]string // connection id -> client ids
	log     []Request
}

// New starts a fake tenant on 127.0.0.1. Close it when done.
func New() *Server {
	s := &Server{
		auth:    authority{clients: map[string]app{}, tokens: map[string][]string{}},
		enabled: map[string][]string{},
	}
	// Unstarted, then started: s.srv and its URL are set before the server's
	// goroutine starts, so the handlers (the token audience reads URL) see
	// them (go test -race).
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.srv.Start()
	return s
}

// URL is the tenant's base URL, e.g. http://127.0.0.1:41234: the value for
// bridge publish --domain.
func (s *Server) URL() string { return s.srv.URL }

// Close stops the server; requests hanging on a fault are released.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// AddClient registers a machine-to-machine application that may get tokens
// with the client-credentials grant, carrying scopes.
func (s *Server) AddClient(id, secret string, scopes ...string) {
	s.auth.addClient(id, secret, scopes)
}

// AddToken registers a Management API token (as pasted from the dashboard)
// carrying scopes.
func (s *Server) AddToken(token string, scopes ...string) {
	s.auth.addToken(token, scopes)
}

// Requests returns the request log, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}

// Writes returns the logged requests that would change the tenant.
func (s *Server) Writes() []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.IsWrite() {
			out = append(out, r)
		}
	}
	return out
}

// SetNow sets the fake's clock (nil = time.Now); safe while requests run.
func (s *Server) SetNow(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Now = now
}

// SetHook sets Hook (nil = none); safe while requests run: requests that
// arrive after it returns see the new hook.
func (s *Server) SetHook(hook func(r *http.Request)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Hook = hook
}

// SetAfterWrite sets AfterWrite (nil = none); safe while requests run: writes
// stored after it returns go through the new function.
func (s *Server) SetAfterWrite(f func(conn map[string]any)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.AfterWrite = f
}

// now reads the clock under the lock; the clock itself runs outside it. Call
// it without holding s.mu.
func (s *Server) now() time.Time {
	s.mu.Lock()
	now := s.Now
	s.mu.Unlock()
	if now != nil {
		return now()
	}
	return time.Now()
}

// recorder captures the status for the log.
type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(p)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	r.Body = io.NopCloser(bytes.NewReader(body))
	entry := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery}
	if r.URL.Path != "/oauth/token" {
		entry.Body = string(body)
	}
	s.mu.Lock()
	hook := s.Hook
	s.mu.Unlock()
	if hook != nil {
		hook(r)
	}
	rec := &recorder{ResponseWriter: w}
	defer func() {
		entry.Status = rec.status
		s.mu.Lock()
		s.log = append(s.log, entry)
		s.mu.Unlock()
	}()

	if f := s.faults.take(r.Method, r.URL.Path); f != nil {
		entry.Fault = f.String()
		if f.Apply {
			// The request takes effect; its answer is lost.
			s.route(httptest.NewRecorder(), r)
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		f.answer(rec, r, s.now())
		return
	}
	s.route(rec, r)
}

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimSuffix(r.URL.Path, "/")
	switch {
	case p == "/oauth/token":
		s.auth.token(w, r, s.URL()+"/api/v2/")
	case p == "/api/v2/connections":
		s.connections(w, r)
	case strings.HasPrefix(p, "/api/v2/connections/"):
		rest := strings.TrimPrefix(p, "/api/v2/connections/")
		id, sub, _ := strings.Cut(rest, "/")
		switch sub {
		case "":
			s.connection(w, r, id)
		case "clients":
			s.connectionClients(w, r, id)
		default:
			writeError(w, http.StatusNotFound, "Not Found", "Not Found", "")
		}
	default:
		writeError(w, http.StatusNotFound, "Not Found", "Not Found", "")
	}
}
