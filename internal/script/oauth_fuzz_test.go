package script

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// oauthEntryPoints are the shim's methods a script can call, with the number
// of arguments each takes (lib/oauth.js).
var oauthEntryPoints = []struct {
	name string
	args int
}{
	{"_buildAuthorizationHeaders", 1}, {"_makeArrayOfArgumentsHash", 1}, {"_sortRequestParams", 1},
	{"_normaliseRequestParams", 1}, {"_createSignatureBase", 3}, {"_createSignature", 2},
	{"_getSignature", 4}, {"_normalizeUrl", 1}, {"_encodeData", 1}, {"_decodeData", 1},
	{"_isParameterNameAnOAuthParameter", 1}, {"_getNonce", 1}, {"_prepareParameters", 5},
	{"_performSecureRequest", 8}, {"signUrl", 4}, {"authHeader", 4}, {"setClientOptions", 1},
	{"getOAuthRequestToken", 2}, {"getOAuthAccessToken", 4}, {"get", 4}, {"delete", 4},
	{"post", 6}, {"put", 6}, {"_putOrPost", 7}, {"getProtectedResource", 5}, {"_createClient", 6},
	{"_getTimestamp", 0},
}

// fuzzArg reads one JavaScript argument expression from data: the odd
// shapes of the issue ({}, [{}], {length: 3}, null, undefined, numbers,
// getters that throw) and containers of them.
func fuzzArg(data []byte, depth int) (string, []byte) {
	if len(data) == 0 {
		return "undefined", data
	}
	b, data := data[0], data[1:]
	leaf := []string{
		"{}", "[{}]", "{length: 3}", "null", "undefined", "0", "-1", "NaN", "1e21", "''", "'GET'",
		"'http://127.0.0.1:1/p?a=1&a=2'", "'oauth_x'", "'a b!*'", "'\\uD800'", "'%'", "true",
		"{get length() { throw new Error('getter length'); }}",
		"{get 0() { throw new Error('getter 0'); }, length: 1}",
		"{get oauth_x() { throw new Error('getter oauth_x'); }}",
		"{toString: function() { return {}; }}",
		"{toString: function() { throw new Error('toString'); }}",
		"{valueOf: function() { throw new Error('valueOf'); }, toString: null}",
		"function() {}", "Symbol('s')", "[]", "[[]]", "[null]", "{length: -1}", "{length: '2', 0: ['oauth_a', 1]}",
		"new Proxy({}, {get: function() { throw new Error('proxy get'); }, ownKeys: function() { throw new Error('proxy keys'); }})",
		"Object.create(null)", "new String('POST')", "{followRedirects: {}}",
	}
	if depth > 2 || int(b) < 200 {
		return leaf[int(b)%len(leaf)], data
	}
	switch b % 3 {
	case 0:
		x, rest := fuzzArg(data, depth+1)
		y, rest := fuzzArg(rest, depth+1)
		return "[" + x + ", " + y + "]", rest
	case 1:
		x, rest := fuzzArg(data, depth+1)
		return "{oauth_a: " + x + ", b: [" + x + "]}", rest
	default:
		x, rest := fuzzArg(data, depth+1)
		return "[[" + x + ", " + x + "]]", rest
	}
}

// oauthFuzzScript builds a script that makes one object of the module and
// calls one entry point on it with arguments read from data.
func oauthFuzzScript(data []byte) string {
	if len(data) < 2 {
		data = append(data, 0, 0)
	}
	ep := oauthEntryPoints[int(data[0])%len(oauthEntryPoints)]
	ctor := []string{
		"new m.OAuth('http://127.0.0.1:1/rt', 'http://127.0.0.1:1/at', 'ck', 'cs', '1.0', null, 'HMAC-SHA1')",
		"new m.OAuth('http://127.0.0.1:1/rt', 'http://127.0.0.1:1/at', 'ck', ctx.client_secret, '1.0A', null, 'RSA-SHA1')",
		"new m.OAuthEcho('realm', 'http://127.0.0.1:1/v', 'ck', 'cs', '1.0', 'PLAINTEXT')",
		"new m.OAuth('http://127.0.0.1:1/rt', 'http://127.0.0.1:1/at', 'ck', 'cs', '1.0', undefined, 'HMAC-SHA256', 3, {})",
	}[int(data[1])%4]
	rest := data[2:]
	args := make([]string, ep.args)
	for i := range args {
		args[i], rest = fuzzArg(rest, 0)
	}
	return fmt.Sprintf(`function(token, tokenSecret, ctx, cb) {
  var m = require('oauth');
  var o = %s;
  var r = o[%q](%s);
  cb(null, {user_id: 'u', r: typeof r});
}`, ctor, ep.name, strings.Join(args, ", "))
}

// checkNoGoLeak runs src and fails t when the run panicked in Go (an
// internal error) or a message shows Go internals.
func checkNoGoLeak(t *testing.T, src string) {
	t.Helper()
	p, err := Compile("fuzz.js", src)
	if err != nil {
		return // the generated argument is not valid JavaScript: nothing to run
	}
	opts := runOpts("http://127.0.0.1:1")
	opts.Timeout = 2 * time.Second
	res := run(t, p, opts)
	if m := goInternalsIn(res); m != "" {
		t.Fatalf("Go internals in the result of\n%s\n%s: %q", src, res.Outcome, m)
	}
}

// FuzzOAuthEntryPoints calls each entry point of the oauth shim with
// generated odd arguments: no input may make Go panic or put Go's words
// (&{, 0x…, *goja.) in a message. Its seeds run as a test.
func FuzzOAuthEntryPoints(f *testing.F) {
	for i := range oauthEntryPoints {
		for _, shape := range [][]byte{{0}, {1}, {2}, {3}, {4}, {17}, {18}, {19}, {20}, {22}, {28}, {30}, {200, 1, 2}, {201, 0}, {202, 18}} {
			seed := append([]byte{byte(i), byte(i % 4)}, shape...)
			seed = append(seed, shape...)
			f.Add(seed)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkNoGoLeak(t, oauthFuzzScript(data))
	})
}

// FuzzOAuthConstructor builds OAuth and OAuthEcho objects from generated
// arguments and uses them: the same no-panic, no-Go-text rule.
func FuzzOAuthConstructor(f *testing.F) {
	for _, s := range [][]byte{{0}, {1, 3, 3, 3}, {2, 4, 4, 4, 4, 4, 4, 4, 4}, {3, 17, 18, 19, 20, 21, 22}, {0, 200, 1, 2, 201, 3}} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		ctor, rest := []string{"OAuth", "OAuthEcho"}[data[0]%2], data[1:]
		args := make([]string, 9)
		for i := range args {
			args[i], rest = fuzzArg(rest, 0)
		}
		if data[0]%4 < 2 {
			args[6] = "'HMAC-SHA1'" // a known method, so that the object is made and used
			if ctor == "OAuthEcho" {
				args[5] = "'PLAINTEXT'"
			}
		}
		checkNoGoLeak(t, fmt.Sprintf(`function(token, tokenSecret, ctx, cb) {
  var o = new (require('oauth').%s)(%s);
  var h = o.authHeader('http://127.0.0.1:1/p?x=1', 'tok', 'sec');
  o.get('http://127.0.0.1:1/p', 'tok', 'sec', function(e) { cb(null, {user_id: 'u', h: h, e: String(e)}); });
}`, ctor, strings.Join(args, ", ")))
	})
}
