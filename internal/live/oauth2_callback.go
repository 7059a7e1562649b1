package live

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"
)

// CodeCallback receives the authorization server's redirect (RFC 6749
// §4.1.2): GET <redirect path>?code=…&state=… or ?error=…&state=…. It listens
// on the loopback host and port of the registered redirect URI only, and
// answers only requests addressed to that host.
type CodeCallback struct {
	srv   *http.Server
	path  string
	hosts map[string]bool
	state string

	mu     sync.Mutex
	done   bool
	result chan callbackResult
}

// ListenCodeCallback listens for redirectURI, which must be an http URL on a
// loopback address with a port (http://127.0.0.1:PORT/path or
// http://localhost:PORT/path); state is the one the authorization request
// carries (RFC 6749 §10.12).
func ListenCodeCallback(redirectURI, state string) (*CodeCallback, error) {
	u, err := url.Parse(redirectURI)
	if err != nil || u.Scheme != "http" || u.Port() == "" {
		return nil, &Error{Kind: KindInput, Step: StepAuthorize,
			Err:    fmt.Errorf("redirect URI %q is not an http://127.0.0.1:PORT/… address bridge can listen on", redirectURI),
			Advice: "Register a loopback redirect URI (e.g. http://127.0.0.1:8976/callback) in the incoming link or app for bridge live, or run with --oob and paste the URL the browser lands on."}
	}
	host := u.Hostname()
	if host == "localhost" {
		host = "127.0.0.1"
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return nil, &Error{Kind: KindInput, Step: StepAuthorize,
			Err:    fmt.Errorf("redirect URI %q is not on a loopback address: bridge listens on this machine only", redirectURI),
			Advice: "Run with --oob and paste the URL the browser lands on after Allow, or register a loopback redirect URI for bridge live."}
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, u.Port()))
	if err != nil {
		return nil, &Error{Kind: KindInput, Step: StepAuthorize, Err: fmt.Errorf("cannot listen for the redirect on %s: %v", u.Host, err),
			Advice: "Stop whatever uses that port, or register another loopback redirect URI and pass it with --redirect-uri."}
	}
	path := u.Path
	if path == "" {
		path = "/"
	}
	port, _ := strconv.Atoi(u.Port())
	c := &CodeCallback{path: path, state: state, result: make(chan callbackResult, 1), hosts: map[string]bool{
		u.Host: true, net.JoinHostPort("127.0.0.1", strconv.Itoa(port)): true, net.JoinHostPort("localhost", strconv.Itoa(port)): true,
	}}
	mux := http.NewServeMux()
	mux.HandleFunc(path, c.serve)
	c.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go c.srv.Serve(ln)
	return c, nil
}

// Wait returns the code of the first conclusive redirect, an *Error for a
// denial, an error response or a wrong state, or ctx's error.
func (c *CodeCallback) Wait(ctx context.Context) (string, error) {
	select {
	case r := <-c.result:
		return r.verifier, r.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Close stops the server.
func (c *CodeCallback) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := c.srv.Shutdown(ctx); err != nil {
		c.srv.Close()
	}
}

func (c *CodeCallback) serve(w http.ResponseWriter, r *http.Request) {
	if !c.hosts[r.Host] { // DNS rebinding, as in CallbackServer
		http.Error(w, "bridge: wrong host", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "bridge: the redirect takes GET", http.StatusMethodNotAllowed)
		return
	}
	q := r.URL.Query()
	if q.Get("code") == "" && q.Get("error") == "" {
		page(w, http.StatusBadRequest, "Not an authorization", "This address waits for Jira's redirect after you click Allow; it carried neither code nor error. Go back to the terminal.")
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		page(w, http.StatusConflict, "Already answered", "bridge already has Jira's answer. Go back to the terminal.")
		return
	}
	c.done = true
	code, err := codeFrom(q, c.state)
	var res callbackResult
	res.verifier, res.err = code, err
	var de *Error
	switch {
	case err == nil:
		page(w, http.StatusOK, "Access approved", "bridge got Jira's authorization code. Go back to the terminal; you can close this tab.")
	case errors.As(err, &de) && de.Kind == KindDenied:
		page(w, http.StatusOK, "Access denied", "You denied bridge access to Jira, so bridge stopped. Go back to the terminal.")
	default:
		page(w, http.StatusBadRequest, "Authorization failed", "Jira did not authorize bridge: "+err.Error()+". Go back to the terminal.")
	}
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	c.result <- res
}

// page writes bridge's own small page, as CallbackServer does.
func page(w http.ResponseWriter, status int, title, message string) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer") // the URL carries the code
	w.WriteHeader(status)
	_ = pageTmpl.Execute(w, struct{ Title, Message string }{title, message})
}

// codeFrom reads an authorization response (RFC 6749 §4.1.2, §4.1.2.1):
// state must match; error=access_denied is a denial; another error is
// KindProblem with its code and advice.
func codeFrom(q url.Values, state string) (string, error) {
	if q.Get("state") != state {
		return "", &Error{Kind: KindMismatch, Step: StepAuthorize,
			Err:    fmt.Errorf("the redirect's state %q is not this run's", q.Get("state")),
			Advice: "The browser came back from another authorization (an old tab, or another bridge run). Run bridge live again and approve the URL it prints."}
	}
	if e := q.Get("error"); e != "" {
		if e == "access_denied" {
			return "", &Error{Kind: KindDenied, Step: StepAuthorize, Code: e,
				Err:    fmt.Errorf("access denied: the Jira user clicked Deny (error=access_denied)"),
				Advice: "Run bridge live again and click Allow on Jira's consent page."}
		}
		return "", &Error{Kind: KindProblem, Step: StepAuthorize, Code: e, Err: errors.New(q.Get("error_description")),
			Advice: adviseOAuth2(e, q.Get("error_description"))}
	}
	return q.Get("code"), nil
}
