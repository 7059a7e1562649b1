package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestOAuthModuleShapeMatchesNode runs one script under node with the real
// oauth@0.10.2 and in the sandbox: the exports, the prototype's methods,
// the objects' own keys and the pure helpers' results must be the same.
func TestOAuthModuleShapeMatchesNode(t *testing.T) {
	src := `function(token, tokenSecret, ctx, cb) {
  var m = require('oauth');
  m.OAuth.prototype._getNonce = function() { return 'fixednonce0123456789abcdefghijkl'; };
  m.OAuth.prototype._getTimestamp = function() { return 1795903855; };
  var o = new m.OAuth(ctx.requestTokenURL, ctx.accessTokenURL, ctx.client_id, ctx.client_secret, '1.0', null, 'RSA-SHA1');
  var h = new m.OAuth('http://h/rt', 'http://h/at', 'ck', 'c s!', '1.0', 'http://cb', 'HMAC-SHA1', 8, {'X-A': '1'});
  var pt = new m.OAuth('http://h/rt', 'http://h/at', 'ck', 'cs', undefined, undefined, 'PLAINTEXT');
  var e = new m.OAuthEcho('http://realm.example', 'https://verify.example/v', 'ck', 'cs', '1.0A', 'HMAC-SHA1');
  var thrown = function(f) { try { f(); return 'no throw'; } catch (x) { return String(x); } };
  cb(null, {
    exports: Object.keys(m).map(function(k) { return k + ':' + typeof m[k]; }),
    proto: Object.keys(m.OAuth.prototype).sort(),
    own: Object.keys(o), ownHMAC: Object.keys(h), ownEcho: Object.keys(e),
    echoProto: m.OAuthEcho.prototype === m.OAuth.prototype, echoInstance: e instanceof m.OAuth,
    sameOptions: o._clientOptions === o._defaultClientOptions,
    pairs: o._makeArrayOfArgumentsHash({b: ['2', '1'], a: 'x', c: 0}),
    sorted: o._sortRequestParams([['b', '1'], ['a', '2'], ['a', '1'], ['a', '1']]),
    norm: o._normaliseRequestParams({'b c': "it's", a: ['2', '1'], z: null}),
    base: o._createSignatureBase('get', 'HTTP://H:80/p?q=1', 'a=1&b=2'),
    rsa: o._createSignature('base', 'ts'),
    hmac: h._createSignature('base', 'ts s'), hmacNoTokenSecret: h._createSignature('base'),
    plain: pt._createSignature('base', 'ts!'),
    getSignature: h._getSignature('POST', 'http://h/p', 'a=1', 'ts'),
    normalizeUrl: o._normalizeUrl('https://H.example:443/a?b#c'),
    encode: [o._encodeData(null), o._encodeData(''), o._encodeData(0), o._encodeData("!'()* é")],
    decode: [o._decodeData('a+b%20c'), o._decodeData(undefined)],
    isOAuth: [o._isParameterNameAnOAuthParameter('oauth_x'), o._isParameterNameAnOAuthParameter('xoauth_')],
    echoHeader: e.authHeader('http://api.example.com/1/verify?x=1', 'tok', 'sec', 'GET'),
    hmacHeader: h.authHeader('http://api.example.com/1/verify?x=1', 'tok', 'sec'),
    signUrl: pt.signUrl('http://api.example.com/p?x=1', 'tok', 'sec'),
    badMethod: thrown(function() { new m.OAuthEcho('r', 'v', 'k', 's', '1.0', 'MD5'); }),
    nonceChars: o.NONCE_CHARS.length
  });
}`
	opts := runOpts("http://jira.example.com:8080")
	want := nodeRunScript(t, src, opts.Ctx)
	got := shimRunScript(t, src, opts)
	assert.JSONEq(t, want, got)
}
