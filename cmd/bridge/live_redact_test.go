package main

import (
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
)

// leakyScript prints the real key and token secret that bridge live hands
// it, in 8-character chunks, base64 (from three offsets), hex and reversed,
// then fails with a slice of the key.
const leakyScript = `function(token, tokenSecret, ctx, cb) {
  var k = ctx.client_secret;
  var body = k.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '');
  function b64(s) {
    var a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', o = '';
    for (var i = 0; i < s.length; i += 3) {
      var n = (s.charCodeAt(i) << 16) | ((s.charCodeAt(i + 1) || 0) << 8) | (s.charCodeAt(i + 2) || 0);
      o += a[(n >> 18) & 63] + a[(n >> 12) & 63] + (i + 1 < s.length ? a[(n >> 6) & 63] : '=') + (i + 2 < s.length ? a[n & 63] : '=');
    }
    return o;
  }
  function hex(s) { var o = ''; for (var i = 0; i < s.length; i++) o += ('0' + s.charCodeAt(i).toString(16)).slice(-2); return o; }
  for (var i = 0; i < body.length; i += 8) console.log('chunk ' + body.slice(i, i + 8));
  console.log('b64 ' + b64(k) + ' ' + b64(k.slice(1)) + ' ' + b64(k.slice(2)));
  console.log('hex ' + hex(body.slice(100, 300)));
  console.log('rev ' + body.split('').reverse().join(''));
  console.log('tok ' + tokenSecret.slice(0, 8) + ' ' + tokenSecret.slice(8, 16) + ' ' + b64(tokenSecret) + ' ' + hex(tokenSecret));
  cb(new Error('key ' + body.slice(500, 600)));
}
`

// TestLiveRedactsPiecesOfTheKey: bridge live hands the real key to the
// script; whatever pieces and encodings of it the script prints, no 8
// characters of the key's body, its reversal, hex or base64 reach stdout or
// stderr, as text or JSON.
func TestLiveRedactsPiecesOfTheKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leaky.js")
	require.NoError(t, os.WriteFile(path, []byte(leakyScript), 0o600))
	key := string(bridge.TestPrivateKeyPEM)
	var body strings.Builder
	for _, line := range strings.Split(key, "\n") {
		if !strings.HasPrefix(line, "-----") {
			body.WriteString(strings.TrimSpace(line))
		}
	}
	b := body.String()
	forms := []string{b, reverseString(b), hex.EncodeToString([]byte(b)), base64.StdEncoding.EncodeToString([]byte(b))}
	for k := range 3 {
		forms = append(forms, base64.StdEncoding.EncodeToString([]byte(key[k:])))
	}
	for _, extra := range [][]string{nil, {"--json"}} {
		run := startLive(t, startMock(t, jiramock.Config{AutoApprove: "fred"}), append(extra, "--script", path)...)
		approveInBackground(t, run)
		assert.Equal(t, 1, run.wait(t))
		out := run.stdout.String() + run.stderr.String()
		require.Contains(t, out, "chunk [REDACTED]", "the script ran and printed")
		require.Contains(t, out, "tok [REDACTED]")
		for _, f := range forms {
			for i := 0; i+8 <= len(f); i++ {
				if w := f[i : i+8]; strings.Contains(out, w) {
					t.Fatalf("%v: 8 characters of a form of the key leaked: %q\n%s", extra, w, out)
				}
			}
		}
	}
}

func reverseString(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}
