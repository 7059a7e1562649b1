package script

import (
	"context"
	"testing"

	bridge "github.com/jira-auth0-bridge/bridge"
)

// BenchmarkSign is one RSA-SHA1 signature through the shim's signing path:
// base string, cached key, dghubble's RSASigner.
func BenchmarkSign(b *testing.B) {
	pem := string(bridge.TestPrivateKeyPEM)
	ps := []param{{"oauth_consumer_key", "auth0-jira"}, {"oauth_nonce", factsNonce}, {"oauth_signature_method", "RSA-SHA1"},
		{"oauth_timestamp", "1795903855"}, {"oauth_token", "tok"}, {"oauth_version", "1.0"}, {"expand", "groups"}, {"username", "fred"}}
	b.ReportAllocs()
	for b.Loop() {
		base := signatureBase("GET", "http://127.0.0.1:8080/rest/api/2/user?expand=groups&username=fred", ps)
		if _, err := createSignature("RSA-SHA1", base, "", "", pem); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRun is one run of the shipped script (two signed requests)
// against an httptest JIRA.
func BenchmarkRun(b *testing.B) {
	srv := fakeJIRA(b, serverAnswers())
	p := shipped(b, srv.URL)
	opts := runOpts(srv.URL)
	b.ReportAllocs()
	for b.Loop() {
		if res := p.Run(context.Background(), opts); res.Outcome != KindProfile {
			b.Fatalf("%+v", res.Error)
		}
	}
}

// BenchmarkCompileShipped is Compile of the shipped script: parse, the
// RegExp check's walk over the AST, and goja's compiler.
func BenchmarkCompileShipped(b *testing.B) {
	src := bridge.RenderScript(bridge.ShippedScript, "http://127.0.0.1:8080")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(bridge.ShippedScriptName, src); err != nil {
			b.Fatal(err)
		}
	}
}
