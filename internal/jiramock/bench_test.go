package jiramock

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/dghubble/oauth1"
	"github.com/jira-auth0-bridge/bridge"
)

// capture is a RoundTripper that keeps the request dghubble/oauth1 signed
// instead of sending it.
type capture struct{ req *http.Request }

var errCaptured = errors.New("captured")

func (c *capture) RoundTrip(r *http.Request) (*http.Response, error) {
	c.req = r
	return nil, errCaptured
}

// signedRequest signs GET rawURL with dghubble/oauth1 and turns it into the
// request a handler receives.
func signedRequest(b testing.TB, rawURL, token string) *http.Request {
	b.Helper()
	c := &capture{}
	ctx := context.WithValue(context.Background(), oauth1.HTTPClient, &http.Client{Transport: c})
	cfg := &oauth1.Config{ConsumerKey: bridge.DefaultConsumerKey, Signer: &oauth1.RSASigner{PrivateKey: testKey(b)}}
	_, _ = oauth1.NewClient(ctx, cfg, oauth1.NewToken(token, "")).Get(rawURL)
	if c.req == nil {
		b.Fatal("nothing captured")
	}
	r := httptest.NewRequest(http.MethodGet, rawURL, nil)
	r.Header = c.req.Header.Clone()
	return r
}

// BenchmarkVerify measures the verification of one signed REST request, the
// mock's hot path: collecting parameters, finding consumer and token, the
// validator (timestamp, nonce) and the RSA-SHA1 signature over the rebuilt
// base string. The nonce is forgotten after each round so the same request
// can be verified again.
func BenchmarkVerify(b *testing.B) {
	m := newMock(b, Config{})
	tok, _, err := m.MintAccessToken(Grant{ConsumerKey: "auth0-jira", User: "fred"})
	if err != nil {
		b.Fatal(err)
	}
	r := signedRequest(b, "http://127.0.0.1:8080/rest/api/2/user?username=fred&expand=groups", tok)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if p := m.o1.verifyOnce(r); p != nil {
			b.Fatal(p)
		}
	}
}

// BenchmarkBaseString measures the RFC 5849 base string builder alone.
func BenchmarkBaseString(b *testing.B) {
	r := signedRequest(b, "http://127.0.0.1:8080/rest/api/2/user?username=fred&expand=groups", "tok")
	params, err := collectParams(r)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = baseString(r.Method, "http://127.0.0.1:8080/rest/api/2/user", params)
	}
}

// verifyOnce is serveREST's verification, minus the answer.
func (o1 oauth1Provider) verifyOnce(r *http.Request) *problem {
	s := o1.m
	params, err := collectParams(r)
	if err != nil {
		return newProblem(ProblemParameterRejected, err.Error())
	}
	op := readOAuth(params)
	c, p := o1.checkConsumer(&op)
	if p != nil {
		return p
	}
	now := s.now()
	if _, p := s.tokens.access(op.token, c.Key, now); p != nil {
		return p
	}
	p = o1.validate(r, &op, c, now)
	s.nonces.forget(c.Key, op.token, op.nonce, op.timestamp)
	return p
}

// forget drops a nonce, for benchmarks that verify one request many times.
func (c *nonceCache) forget(consumer, token, nonce, timestamp string) {
	var ts int64
	for _, d := range timestamp {
		ts = ts*10 + int64(d-'0')
	}
	sh := &c.shards[hashNonce(c, nonce)]
	sh.mu.Lock()
	delete(sh.seen, nonceKey{consumer, token, nonce, ts})
	sh.mu.Unlock()
}
