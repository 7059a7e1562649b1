package jiramock

import (
	"slices"
	"strings"
	"testing"
)

// FuzzAuthHeaderAndBaseString fuzzes the Authorization header parser, the
// query decoder and the base string builder. Its seed corpus (below) runs as
// an ordinary test. Properties: no panic; a parsed header written back in
// canonical form parses to the same parameters; the base string does not
// depend on parameter order and is METHOD&enc(uri)&enc(params) with exactly
// two '&' and nothing unencoded after the method.
func FuzzAuthHeaderAndBaseString(f *testing.F) {
	for _, seed := range []struct{ header, query string }{
		// node-oauth: no spaces, no realm, signature last (docs/node-oauth.md).
		{`OAuth oauth_consumer_key="my-consumer-key",oauth_nonce="Pz7lPXjLyEwf8x3Q1OK3CPcatYd8IFfR",oauth_signature_method="RSA-SHA1",oauth_timestamp="1795903855",oauth_token="tok%20en%2B1",oauth_version="1.0",oauth_signature="qU69%3D%3D"`, "x=a%20b"},
		// dghubble/oauth1: ", " between pairs (docs/fidelity.md "dghubble/oauth1").
		{`OAuth oauth_consumer_key="auth0-jira", oauth_nonce="abc%2B%3D", oauth_signature="x", oauth_signature_method="RSA-SHA1", oauth_timestamp="1", oauth_token="t", oauth_version="1.0"`, "a=2&a=1"},
		// RFC 5849 §3.5.1 with realm.
		{`OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9d7dh3k39sjv7"`, "b5=%3D%253D&a3=a&c%40=&a2=r%20b"},
		{`oauth  a="1" ,, b=2 ,c=""`, "q=!*'()&r=+&s"},
		{`OAuth a="unterminated`, ""},
		{`OAuth a="1" junk`, "%zz"},
		{`OAuth =1`, "&&=&"},
		{`Basic Zm9vOmJhcg==`, "q=J%C3%BCrgen%20%E2%98%83"},
		{`OAuth a="%E2%98%83",%F0%9F%98%80="x"`, "%00=%FF"},
		{"OAuth\ta=\"1\"", ""},
	} {
		f.Add(seed.header, seed.query)
	}
	f.Fuzz(func(t *testing.T, header, query string) {
		params, err := appendAuthHeader(nil, header)
		if err != nil {
			return
		}
		// Written back canonically, the header parses to the same parameters.
		var b strings.Builder
		b.WriteString("OAuth ")
		for i, p := range params {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(percentEncode(p.name) + `="` + percentEncode(p.value) + `"`)
		}
		again, err := appendAuthHeader(nil, b.String())
		if err != nil || !slices.Equal(again, params) {
			t.Fatalf("round trip of %q: %q gives %v, %v; want %v", header, b.String(), again, err, params)
		}
		params = appendForm(params, query)
		base := baseString("GET", "http://example.com/r", params)
		reversed := slices.Clone(params)
		slices.Reverse(reversed)
		if other := baseString("GET", "http://example.com/r", reversed); other != base {
			t.Fatalf("base string depends on parameter order:\n%s\n%s", base, other)
		}
		if !strings.HasPrefix(base, "GET&http%3A%2F%2Fexample.com%2Fr&") || strings.Count(base, "&") != 2 {
			t.Fatalf("malformed base string %q", base)
		}
		for i := 4; i < len(base); i++ {
			if c := base[i]; !unreserved(c) && c != '%' && c != '&' {
				t.Fatalf("unencoded byte %q in base string %q", c, base)
			}
		}
	})
}

// FuzzFormDecode: percent-decoding either fails or inverts percentEncode.
func FuzzFormDecode(f *testing.F) {
	for _, s := range []string{"", "a b", "%41", "%", "%4", "%zz", "+", "J%C3%BCrgen", "!*'()"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := formDecode(percentEncode(s)); err != nil || d != s {
			t.Fatalf("formDecode(percentEncode(%q)) = %q, %v", s, d, err)
		}
		_, _ = formDecode(s) // must not panic
	})
}
