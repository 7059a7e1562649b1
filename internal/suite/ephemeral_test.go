package suite

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// TestEphemeralLikeEncoding: the stand-in key has the user key's PEM type,
// line width, line endings, surrounding text and bits.
func TestEphemeralLikeEncoding(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(k)
	for _, tc := range []struct {
		name, user string
	}{
		{"pkcs1", string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}))},
		{"pkcs8", string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8}))},
		{"pkcs8 crlf width 76", rewrap(string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8})), 76, "\r\n") + "\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ek, err := ephemeralLike(tc.user, k.N.BitLen())
			if err != nil {
				t.Fatal(err)
			}
			if ek.N.BitLen() != k.N.BitLen() || ek.N.Cmp(k.N) == 0 {
				t.Fatalf("bits %d, same key %v", ek.N.BitLen(), ek.N.Cmp(k.N) == 0)
			}
			if shape(got) != shape(tc.user) {
				t.Fatalf("shape %q\nwant  %q", shape(got), shape(tc.user))
			}
			block, _ := pem.Decode([]byte(strings.ReplaceAll(got, "\r\n", "\n")))
			if block == nil {
				t.Fatal("stand-in does not decode")
			}
			var parsed any
			if block.Type == "RSA PRIVATE KEY" {
				parsed, err = x509.ParsePKCS1PrivateKey(block.Bytes)
			} else {
				parsed, err = x509.ParsePKCS8PrivateKey(block.Bytes)
			}
			if err != nil || !parsed.(*rsa.PrivateKey).Equal(ek) {
				t.Fatalf("stand-in is not the key returned: %v", err)
			}
		})
	}
}

// rewrap re-wraps a PEM's body at width with eol.
func rewrap(p string, width int, eol string) string {
	lines := strings.Split(strings.TrimSpace(p), "\n")
	body := strings.Join(lines[1:len(lines)-1], "")
	out := []string{lines[0]}
	for len(body) > 0 {
		n := min(width, len(body))
		out, body = append(out, body[:n]), body[n:]
	}
	return strings.Join(append(out, lines[len(lines)-1]), eol)
}

// shape is a PEM with its base64 letters blotted out and its last body line
// dropped (DER lengths of two keys of the same bits may differ by a few
// bytes): type, line width, line endings and surrounding text.
func shape(p string) string {
	lines := strings.SplitAfter(p, "\n")
	var body []string
	var b strings.Builder
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "-----BEGIN"):
			b.WriteString(l)
		case strings.HasPrefix(l, "-----END"):
			if len(body) > 0 {
				body = body[:len(body)-1]
			}
			for _, bl := range body[:min(len(body), 20)] {
				t := strings.TrimRight(bl, "\r\n")
				b.WriteString(strings.Repeat("x", len(t)) + bl[len(t):])
			}
			b.WriteString(l)
		default:
			body = append(body, l)
		}
	}
	return b.String()
}

// TestUserKeyNeverPrinted: whatever a script prints of ctx.client_secret
// (chunks, base64, hex, reversed), no 12-character window of the user's key
// body reaches the report, in text or JSON: the script never had it.
func TestUserKeyNeverPrinted(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	userPEM := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}))
	prog, err := script.Compile("leak.js", `function(token, tokenSecret, ctx, cb) {
		var k = ctx.client_secret;
		for (var i = 0; i < k.length; i += 7) console.log(k.substr(i, 12));
		var A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', b64 = '', hex = '';
		for (var j = 0; j < k.length; j += 3) {
			var n = (k.charCodeAt(j) << 16) | ((k.charCodeAt(j + 1) || 0) << 8) | (k.charCodeAt(j + 2) || 0);
			b64 += A[(n >> 18) & 63] + A[(n >> 12) & 63] + A[(n >> 6) & 63] + A[n & 63];
		}
		for (var j = 0; j < k.length; j++) hex += ('0' + k.charCodeAt(j).toString(16)).slice(-2);
		console.log(b64);
		console.log(hex);
		console.log(k.split('').reverse().join(''));
		console.log(encodeURIComponent(k));
		cb({leaked: k});
	}`)
	if err != nil {
		t.Fatal(err)
	}
	c := parse(t, "leak", `{"user": `+fred+`, "expect": {"profile": {"user_id": "x"}}}`)
	rep := run(t, Options{Program: prog, Cases: []*cases.Case{c}, PrivateKeyPEM: userPEM, Parallel: 1})
	var text, js bytes.Buffer
	if err := report.WriteText(&text, rep, report.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteJSON(&js, rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Cases[0].Console) < 10 {
		t.Fatalf("the script printed nothing: %+v", rep.Cases[0].Result)
	}
	// The key the script saw, from its reversed print. The DER structure
	// (the sequence and integer headers) is the same in every key of these
	// bits and encoding: windows the stand-in shares are not the user's secret.
	var standIn string
	for _, l := range rep.Cases[0].Console {
		if strings.HasSuffix(l.Text, "-----NIGEB") || strings.HasSuffix(strings.TrimSpace(l.Text), "-----YEK ETAVIRP ASR NIGEB-----") {
			r := []rune(l.Text)
			for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
				r[i], r[j] = r[j], r[i]
			}
			standIn = string(r)
		}
	}
	if standIn == "" || standIn == userPEM {
		t.Fatalf("the script did not get a stand-in key: %q; %+v", standIn, rep.Cases[0].Error)
	}
	windows := map[string]bool{}
	for i, body := 0, pemBody(userPEM); i+12 <= len(body); i++ {
		windows[body[i:i+12]] = true
	}
	shared := 0
	for i, body := 0, pemBody(standIn); i+12 <= len(body); i++ {
		if windows[body[i:i+12]] {
			delete(windows, body[i:i+12])
			shared++
		}
	}
	if shared > 8 {
		t.Fatalf("the stand-in shares %d windows with the user's key", shared)
	}
	for name, out := range map[string]string{"text": text.String(), "json": js.String()} {
		for i := 0; i+12 <= len(out); i++ {
			if windows[out[i:i+12]] {
				t.Fatalf("%s output holds %q of the user's key body", name, out[i:i+12])
			}
		}
	}
}

// pemBody is the base64 of a PEM, lines joined.
func pemBody(p string) string {
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(p, "\r\n", "\n")), "\n")
	return strings.Join(lines[1:len(lines)-1], "")
}
