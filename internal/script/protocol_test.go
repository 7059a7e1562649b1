package script

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// echoArgs hands back what the script was called with.
const echoArgs = `function() {
  var args = Array.prototype.slice.call(arguments);
  var cb = args.pop();
  cb(null, {user_id: 'u', n: args.length, args: args});
}`

func TestProtocolOAuth1CallsWithTokenSecretAndCtx(t *testing.T) {
	for _, p := range []string{"", ProtocolOAuth1} {
		opts := runOpts("http://127.0.0.1:1")
		opts.Protocol = p
		res := run(t, compileJS(t, echoArgs), opts)
		require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
		var got struct {
			N    int
			Args []json.RawMessage
		}
		require.NoError(t, json.Unmarshal(res.Profile, &got))
		require.Equal(t, 3, got.N, "fn(token, tokenSecret, ctx, cb) under %q", p)
		assert.JSONEq(t, `"tok"`, string(got.Args[0]))
		assert.JSONEq(t, `"[REDACTED]"`, string(got.Args[1]), "the token secret is redacted")
		var ctx map[string]any
		require.NoError(t, json.Unmarshal(got.Args[2], &ctx))
		assert.Equal(t, "http://127.0.0.1:1"+jira.RequestTokenPath, ctx["requestTokenURL"])
		assert.Equal(t, "RSA-SHA1", ctx["signatureMethod"])
	}
}

func TestProtocolOAuth2CallsWithAccessTokenAndTokenResponse(t *testing.T) {
	opts := runOpts("http://127.0.0.1:1")
	opts.Protocol = ProtocolOAuth2
	opts.Token = "at-123"
	opts.Ctx.TokenResponse = map[string]any{"id_token": "eyJ.x.y", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "rt"}
	res := run(t, compileJS(t, `function(accessToken, ctx, cb) {
  cb(null, {user_id: ctx.id_token, n: arguments.length, same: ctx.access_token === accessToken,
    type: ctx.token_type, exp: ctx.expires_in, refresh: typeof ctx.refresh_token, secret: typeof ctx.client_secret});
}`), opts)
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	assert.JSONEq(t, `{"user_id":"eyJ.x.y","n":3,"same":true,"type":"Bearer","exp":3600,"refresh":"undefined","secret":"undefined"}`, string(res.Profile))
}

// TestProtocolOAuth2BearerRequest: the usual OAuth2 script calls the user
// info URL with the access token; the token never shows in the Result.
func TestProtocolOAuth2BearerRequest(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer at-secret-456" {
			w.WriteHeader(401)
			return
		}
		_, _ = w.Write([]byte(`{"sub":"jd"}`))
	}))
	defer srv.Close()
	opts := runOpts(srv.URL)
	opts.Protocol = ProtocolOAuth2
	opts.Token = "at-secret-456"
	res := run(t, compileJS(t, `function(accessToken, ctx, cb) {
  var request = require('request');
  request.get({url: '`+srv.URL+`/userinfo', headers: {Authorization: 'Bearer ' + accessToken}}, function(err, resp, body) {
    if (err) return cb(err);
    if (resp.statusCode !== 200) return cb(new Error('status ' + resp.statusCode + ' for ' + accessToken));
    cb(null, {user_id: JSON.parse(body).sub});
  });
}`), opts)
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	assert.JSONEq(t, `{"user_id":"jd"}`, string(res.Profile))
	raw, err := json.Marshal(res)
	require.NoError(t, err)
	assert.NotContains(t, string(raw), "at-secret-456", "the access token is redacted")
}

func TestUnknownProtocol(t *testing.T) {
	opts := runOpts("http://127.0.0.1:1")
	opts.Protocol = "saml"
	res := run(t, compileJS(t, echoArgs), opts)
	require.Equal(t, KindException, res.Outcome)
	assert.Contains(t, res.Error.Message, `unknown script protocol "saml"`)
}
