package live

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
)

// BenchmarkParseProblem parses a signature_invalid reply as JIRA sends it.
func BenchmarkParseProblem(b *testing.B) {
	h := http.Header{}
	h.Set("WWW-Authenticate", `OAuth realm="http%3A%2F%2Fjira.example.com", oauth_problem="signature_invalid", oauth_signature="abc%3D", oauth_signature_base_string="POST%26http%253A%252F%252Fjira.example.com%252Fplugins%252Fservlet%252Foauth%252Frequest-token%26oauth_consumer_key%253Dauth0-jira", oauth_signature_method="RSA-SHA1"`)
	body := []byte("oauth_problem=signature_invalid&oauth_signature=abc%3D&oauth_signature_base_string=POST%26http%253A%252F%252Fjira.example.com&oauth_signature_method=RSA-SHA1")
	b.ReportAllocs()
	for b.Loop() {
		if p, _ := ParseProblem(h, body); p != "signature_invalid" {
			b.Fatal(p)
		}
	}
}

// BenchmarkRun is one whole dance against the mock JIRA, which approves at
// once: request token, callback, access token (two RSA-2048 signatures and
// two verifications).
func BenchmarkRun(b *testing.B) {
	m, err := jiramock.New(jiramock.Config{AutoApprove: "fred"})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	key := testKey(b)
	opts := Options{JIRAURL: m.URL(), ConsumerKey: bridge.DefaultConsumerKey, PrivateKey: key, ApproveTimeout: 10 * time.Second,
		OpenBrowser: func(u string) error { browse(b, u); return nil }}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}
