package live

import (
	"context"
	"crypto/rsa"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testKey(t testing.TB) *rsa.PrivateKey {
	t.Helper()
	k, err := keys.ParsePrivateKey(bridge.TestPrivateKeyPEM, "testdata/keys/test.key")
	require.NoError(t, err)
	return k
}

// TestRunExplainsReplies covers replies the mock JIRA never gives at its OAuth
// endpoints (proxies, wrong URLs, failures), from small stand-ins: each must
// become the right kind of error with advice.
func TestRunExplainsReplies(t *testing.T) {
	cases := []struct {
		name        string
		handler     http.HandlerFunc
		wantKind    Kind
		wantStatus  int
		wantProblem string
		wantAdvice  string
	}{
		{
			name: "oauth_problem in header and body",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("WWW-Authenticate", `OAuth realm="x", oauth_problem="consumer_key_unknown"`)
				w.WriteHeader(401)
				io.WriteString(w, "oauth_problem=consumer_key_unknown")
			},
			wantKind: KindProblem, wantStatus: 401, wantProblem: "consumer_key_unknown", wantAdvice: "incoming consumer key differs",
		},
		{
			name: "a 503 with an oauth_problem is a problem, not a server failure",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(503)
				io.WriteString(w, "oauth_problem=consumer_key_refused")
			},
			wantKind: KindProblem, wantStatus: 503, wantProblem: "consumer_key_refused", wantAdvice: "disabled",
		},
		{
			name:     "a 500 without a problem",
			handler:  func(w http.ResponseWriter, r *http.Request) { http.Error(w, "NullPointerException", 500) },
			wantKind: KindServer, wantStatus: 500, wantAdvice: "atlassian-jira.log",
		},
		{
			name:     "404: not JIRA's base URL",
			handler:  http.NotFound,
			wantKind: KindReply, wantStatus: 404, wantAdvice: "context path",
		},
		{
			name: "a redirect is reported, not followed",
			handler: func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, "https://jira.example.com/plugins/servlet/oauth/request-token", http.StatusFound)
			},
			wantKind: KindReply, wantStatus: 302, wantAdvice: "redirected the OAuth request to https://jira.example.com/plugins/servlet/oauth/request-token",
		},
		{
			name: "an SSO login page",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				io.WriteString(w, "<!DOCTYPE html><html><body>Log in</body></html>")
			},
			wantKind: KindReply, wantStatus: 200, wantAdvice: "single sign-on",
		},
		{
			name: "no oauth_callback_confirmed",
			handler: func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, "oauth_token=a&oauth_token_secret=b")
			},
			wantKind: KindReply, wantStatus: 200, wantAdvice: "oauth_callback_confirmed=true",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var authz string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != RequestTokenPath {
					t.Errorf("request to %s", r.URL.Path)
				}
				authz = r.Header.Get("Authorization")
				c.handler(w, r)
			}))
			defer srv.Close()
			_, err := Run(context.Background(), Options{JIRAURL: srv.URL + "/", ConsumerKey: "auth0-jira", PrivateKey: testKey(t)})
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.wantKind, e.Kind)
			assert.Equal(t, StepRequestToken, e.Step)
			assert.Equal(t, c.wantStatus, e.Status)
			assert.Equal(t, c.wantProblem, e.Problem)
			assert.Contains(t, e.Advice, c.wantAdvice)
			assert.Contains(t, authz, `oauth_signature_method="RSA-SHA1"`)
			assert.Regexp(t, `oauth_callback="http%3A%2F%2F127\.0\.0\.1%3A[0-9]+%2Fcallback"`, authz)
		})
	}
}

func TestRunUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	_, err = Run(context.Background(), Options{JIRAURL: "http://" + addr, ConsumerKey: "k", PrivateKey: testKey(t)})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, KindUnreachable, e.Kind)
	assert.Contains(t, e.Error(), "connection refused")
	assert.NotContains(t, e.Error(), `Post "`)
}

func TestRunBadInput(t *testing.T) {
	key := testKey(t)
	cases := map[string]Options{
		"relative JIRA URL":       {JIRAURL: "jira.example.com", ConsumerKey: "k", PrivateKey: key},
		"JIRA URL with a query":   {JIRAURL: "https://jira.example.com/?a=b", ConsumerKey: "k", PrivateKey: key},
		"no consumer key":         {JIRAURL: "https://jira.example.com", PrivateKey: key},
		"no key":                  {JIRAURL: "https://jira.example.com", ConsumerKey: "k"},
		"public callback address": {JIRAURL: "https://jira.example.com", ConsumerKey: "k", PrivateKey: key, CallbackAddr: "0.0.0.0:0"},
	}
	for name, opts := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Run(context.Background(), opts)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, KindInput, e.Kind)
		})
	}
}

func TestRunOOBAsksForNoCallback(t *testing.T) {
	var authz string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		authz = r.Header.Get("Authorization")
		w.WriteHeader(401)
		io.WriteString(w, "oauth_problem=signature_invalid&oauth_signature_base_string=POST%26x%26y")
	}))
	defer srv.Close()
	var progress strings.Builder
	_, err := Run(context.Background(), Options{JIRAURL: srv.URL, ConsumerKey: "k", PrivateKey: testKey(t), OOB: true, Progress: &progress})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "signature_invalid", e.Problem)
	assert.Contains(t, e.Advice, "POST&x&y")
	assert.Contains(t, authz, `oauth_callback="oob"`)
	assert.Contains(t, progress.String(), "callback oob")
}
