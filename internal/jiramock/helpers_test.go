package jiramock

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/dghubble/oauth1"
	"github.com/jira-auth0-bridge/bridge"
)

// testKey is the private half of the default consumer's key pair.
func testKey(t testing.TB) *rsa.PrivateKey {
	t.Helper()
	block, _ := pem.Decode(bridge.TestPrivateKeyPEM)
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return k.(*rsa.PrivateKey)
}

func newMock(t testing.TB, cfg Config) *Mock {
	t.Helper()
	m, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(m.Close)
	return m
}

// signer lets a test tamper with what dghubble/oauth1 signs.
type signer struct {
	name   string
	key    *rsa.PrivateKey
	mangle func(sig string) string
}

func (s signer) Name() string {
	if s.name != "" {
		return s.name
	}
	return rsaSHA1
}

func (s signer) Sign(secret, msg string) (string, error) {
	sig, err := (&oauth1.RSASigner{PrivateKey: s.key}).Sign(secret, msg)
	if s.mangle != nil {
		sig = s.mangle(sig)
	}
	return sig, err
}

// fixedNonce makes dghubble/oauth1 send the same nonce every time.
type fixedNonce string

func (n fixedNonce) Nonce() string { return string(n) }

// oauthClient is a dghubble/oauth1 client signing with the test key (or cfg's
// signer) for the access token.
func oauthClient(t testing.TB, cfg *oauth1.Config, token, secret string) *http.Client {
	t.Helper()
	if cfg.ConsumerKey == "" {
		cfg.ConsumerKey = bridge.DefaultConsumerKey
	}
	if cfg.Signer == nil {
		cfg.Signer = &oauth1.RSASigner{PrivateKey: testKey(t)}
	}
	return cfg.Client(context.Background(), oauth1.NewToken(token, secret))
}

type reply struct {
	status int
	header http.Header
	body   string
}

func get(t testing.TB, c *http.Client, u string) reply {
	t.Helper()
	return do(t, c, http.MethodGet, u, nil)
}

func do(t testing.TB, c *http.Client, method, u string, hdr http.Header) reply {
	t.Helper()
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{resp.StatusCode, resp.Header, string(b)}
}

// assertProblem checks a JIRA-style OAuth error reply: status, the
// WWW-Authenticate header (realm first, then oauth_problem) and the same
// fields form-encoded in the body. It returns the body's fields.
func assertProblem(t testing.TB, r reply, status int, problem string) url.Values {
	t.Helper()
	if r.status != status {
		t.Errorf("status %d, want %d (body %q)", r.status, status, r.body)
	}
	fields, err := url.ParseQuery(r.body)
	if err != nil {
		t.Fatalf("body %q is not form-encoded: %v", r.body, err)
	}
	if got := fields.Get("oauth_problem"); got != problem {
		t.Errorf("oauth_problem %q, want %q (body %q)", got, problem, r.body)
	}
	h := r.header.Get("WWW-Authenticate")
	if !strings.HasPrefix(h, `OAuth realm="http%3A%2F%2F127.0.0.1%3A`) {
		t.Errorf("WWW-Authenticate %q does not start with the realm", h)
	}
	if !strings.Contains(h, `, oauth_problem="`+problem+`"`) {
		t.Errorf("WWW-Authenticate %q lacks oauth_problem=%q", h, problem)
	}
	for name, vs := range fields {
		if !strings.Contains(h, percentEncode(name)+`="`+percentEncode(vs[0])+`"`) {
			t.Errorf("WWW-Authenticate %q lacks the body's %s", h, name)
		}
	}
	return fields
}

func ioCopy(w io.Writer, resp *http.Response) (int64, error) { return io.Copy(w, resp.Body) }

func httpClient() *http.Client { return &http.Client{} }
