package live

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/loopback"
)

// DefaultCallbackAddr is where the callback server listens unless told
// otherwise: loopback, on a port the system picks.
const DefaultCallbackAddr = "127.0.0.1:0"

// CallbackPath is the path of the callback URL handed to JIRA.
const CallbackPath = "/callback"

// DeniedVerifier is the oauth_verifier JIRA sends back when the person clicks
// Deny (docs/jira.md "OAuth 1.0a provider"; Atlassian's own port of the provider does the same:
// jenkinsci/atlassian-bitbucket-server-integration-plugin,
// AuthorizeConfirmationConfig.java, DENIED_STATUS = "denied").
const DeniedVerifier = "denied"

// CallbackServer receives JIRA's redirect after the person approves or denies
// (RFC 5849 §2.2): GET /callback?oauth_token=…&oauth_verifier=…. It listens on
// loopback only, so nothing but this machine's browser can hand it a verifier,
// and answers only requests addressed to its own host name.
type CallbackServer struct {
	ln    net.Listener
	srv   *http.Server
	url   string
	hosts map[string]bool

	mu     sync.Mutex
	expect string // the request token the callback must carry
	done   bool
	result chan callbackResult
}

type callbackResult struct {
	verifier string
	err      error
}

// ListenCallback starts a callback server on addr, which must be a loopback
// address (127.0.0.1:PORT, [::1]:PORT or localhost:PORT; port 0 picks one).
func ListenCallback(addr string) (*CallbackServer, error) {
	if addr == "" {
		addr = DefaultCallbackAddr
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, &Error{Kind: KindInput, Step: StepRequestToken, Err: fmt.Errorf("callback address %q is not host:port (e.g. %s): %v", addr, DefaultCallbackAddr, err)}
	}
	if !loopback.Host(host) {
		return nil, &Error{Kind: KindInput, Step: StepRequestToken, Err: fmt.Errorf("callback address %q is not a loopback address: the callback server listens on this machine only; use 127.0.0.1:PORT", addr)}
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		return nil, &Error{Kind: KindInput, Step: StepRequestToken, Err: fmt.Errorf("cannot listen for the callback on %s: %v; pick another --callback-addr port, or 0 for any", addr, err)}
	}
	tcp := ln.Addr().(*net.TCPAddr)
	hostPort := net.JoinHostPort(tcp.IP.String(), strconv.Itoa(tcp.Port))
	c := &CallbackServer{
		ln:  ln,
		url: "http://" + hostPort + CallbackPath,
		hosts: map[string]bool{
			hostPort: true,
			net.JoinHostPort("localhost", strconv.Itoa(tcp.Port)): true,
		},
		result: make(chan callbackResult, 1),
	}
	mux := http.NewServeMux()
	mux.HandleFunc(CallbackPath, c.serveCallback)
	c.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go c.srv.Serve(ln)
	return c, nil
}

// URL is the callback URL to send as oauth_callback, e.g. http://127.0.0.1:41234/callback.
func (c *CallbackServer) URL() string { return c.url }

// Expect sets the request token the callback must carry.
func (c *CallbackServer) Expect(requestToken string) {
	c.mu.Lock()
	c.expect = requestToken
	c.mu.Unlock()
}

// Wait returns the verifier of the first conclusive callback: an *Error of
// KindDenied or KindMismatch when the person denied access or the callback
// carried another request token, or ctx's error.
func (c *CallbackServer) Wait(ctx context.Context) (string, error) {
	select {
	case r := <-c.result:
		return r.verifier, r.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Close stops the server.
func (c *CallbackServer) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := c.srv.Shutdown(ctx); err != nil {
		c.srv.Close()
	}
}

func (c *CallbackServer) serveCallback(w http.ResponseWriter, r *http.Request) {
	// A page on another site cannot reach us through a DNS name pointing at
	// 127.0.0.1 (DNS rebinding): only our own host names are served.
	if !c.hosts[r.Host] {
		http.Error(w, "bridge: wrong host", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "bridge: the callback takes GET", http.StatusMethodNotAllowed)
		return
	}
	q := r.URL.Query()
	token, verifier := q.Get("oauth_token"), q.Get("oauth_verifier")
	if token == "" || verifier == "" {
		c.page(w, http.StatusBadRequest, "Not an approval", "This address waits for JIRA's redirect after you approve bridge; it carried no oauth_token and oauth_verifier. Go back to the terminal.")
		return
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		c.page(w, http.StatusConflict, "Already answered", "bridge already has JIRA's answer. Go back to the terminal.")
		return
	}
	c.done = true
	// The page goes out before the result: once the dance goes on, the
	// server may shut down.
	var res callbackResult
	switch {
	case token != c.expect:
		res.err = &Error{Kind: KindMismatch, Step: StepAuthorize,
			Err:    errors.New("the callback carried another request token than this run asked JIRA for"),
			Advice: "The browser came back with the approval of another request (an old tab, or another bridge run). Run bridge live again and approve the URL it prints."}
		c.page(w, http.StatusBadRequest, "Another request's approval", "This approval belongs to another request than the one bridge is waiting for, so bridge stopped. Go back to the terminal and run bridge live again.")
	case verifier == DeniedVerifier:
		res.err = deniedError()
		c.page(w, http.StatusOK, "Access denied", "You denied bridge access to JIRA, so bridge stopped. Go back to the terminal.")
	default:
		res.verifier = verifier
		c.page(w, http.StatusOK, "Access approved", "bridge got JIRA's approval. Go back to the terminal to see the profile; you can close this tab.")
	}
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	c.result <- res
}

func deniedError() *Error {
	return &Error{Kind: KindDenied, Step: StepAuthorize,
		Err:    errors.New("access denied: the JIRA user clicked Deny (oauth_verifier=denied)"),
		Advice: "Run bridge live again and click Allow on JIRA's approval page."}
}

var pageTmpl = template.Must(template.New("page").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>bridge: {{.Title}}</title></head>
<body><h1>{{.Title}}</h1><p id="bridge-message">{{.Message}}</p></body></html>
`))

func (c *CallbackServer) page(w http.ResponseWriter, status int, title, message string) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer") // the URL carries the verifier
	w.WriteHeader(status)
	_ = pageTmpl.Execute(w, struct{ Title, Message string }{title, message})
}
