package script

import (
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// oauthModule is require('oauth'); its signing and sending is oauthSigner's.
type oauthModule struct {
	h              *host
	sign           *oauthSigner
	oauthHelpersFn goja.Callable // installs node-oauth's JS helpers (oauth_helpers.go)
}

// exports is require('oauth'): node-oauth 0.10.2 (docs/node-oauth.md) emulated in
// Go. Objects keep node-oauth's own properties (_headers, _clientOptions, …)
// and its prototype methods, so a script that reads or patches them (for
// example OAuth.prototype._getNonce) behaves as under Node.
func (m *oauthModule) exports() *goja.Object {
	exports := m.h.vm.NewObject()
	ctor := m.h.vm.ToValue(m.oauthConstructor).(*goja.Object)
	proto := ctor.Get("prototype").(*goja.Object)
	m.oauthPrototype(proto)
	m.oauthHelpers(proto)
	_ = exports.Set("OAuth", ctor)
	echo := m.h.vm.ToValue(m.oauthEchoConstructor).(*goja.Object)
	_ = echo.Set("prototype", proto) // L60: OAuthEcho.prototype = OAuth.prototype
	_ = exports.Set("OAuthEcho", echo)
	_ = exports.Set("OAuth2", m.h.vm.ToValue(m.oauth2Constructor))
	return exports
}

// nonceChars is node-oauth's NONCE_CHARS (L225-229).
const nonceChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// oauthConstructor is `new OAuth(requestUrl, accessUrl, consumerKey,
// consumerSecret, version, authorize_callback, signatureMethod, nonceSize,
// customHeaders)` (L9-38).
func (m *oauthModule) oauthConstructor(call goja.ConstructorCall) *goja.Object {
	this := call.This
	arg := call.Argument
	method := arg(6)
	set := func(k string, v any) { _ = this.Set(k, v) }
	set("_isEcho", false)
	set("_requestUrl", arg(0))
	set("_accessUrl", arg(1))
	set("_consumerKey", arg(2))
	set("_consumerSecret", m.encodeValue(arg(3)))  // L15
	if method.Equals(m.h.vm.ToValue("RSA-SHA1")) { // L16-18: the secret is the PEM key
		set("_privateKey", arg(3))
	}
	set("_version", arg(4))
	if goja.IsUndefined(arg(5)) { // L20-25
		set("_authorize_callback", "oob")
	} else {
		set("_authorize_callback", arg(5))
	}
	m.checkSignatureMethod(method)
	set("_signatureMethod", method)
	m.setNonceSizeAndHeaders(this, arg(7), arg(8))
	opts := m.h.vm.NewObject() // L34-36: the inner assignment creates _defaultClientOptions first
	_ = opts.Set("requestTokenHttpMethod", "POST")
	_ = opts.Set("accessTokenHttpMethod", "POST")
	_ = opts.Set("followRedirects", true)
	set("_defaultClientOptions", opts)
	set("_clientOptions", opts)
	set("_oauthParameterSeperator", ",")
	return nil
}

// checkSignatureMethod throws node-oauth's error for a method it does not know (L27-28).
func (m *oauthModule) checkSignatureMethod(method goja.Value) {
	switch method.String() {
	case "PLAINTEXT", "HMAC-SHA1", "HMAC-SHA256", "RSA-SHA1":
	default:
		panic(m.h.nodeError("Error", "Un-supported signature method: "+method.String(), nil))
	}
}

// setNonceSizeAndHeaders sets _nonceSize (nonceSize || 32, L30) and
// _headers (customHeaders replace the defaults, L31-33).
func (m *oauthModule) setNonceSizeAndHeaders(this *goja.Object, nonceSize, customHeaders goja.Value) {
	if nonceSize.ToBoolean() {
		_ = this.Set("_nonceSize", nonceSize)
	} else {
		_ = this.Set("_nonceSize", 32)
	}
	if customHeaders.ToBoolean() {
		_ = this.Set("_headers", customHeaders)
		return
	}
	headers := m.h.vm.NewObject()
	_ = headers.Set("Accept", "*/*")
	_ = headers.Set("Connection", "close")
	_ = headers.Set("User-Agent", "Node authentication")
	_ = this.Set("_headers", headers)
}

// oauthPrototype puts node-oauth's methods on OAuth.prototype.
func (m *oauthModule) oauthPrototype(p *goja.Object) {
	fn := func(name string, f func(this *goja.Object, call goja.FunctionCall) goja.Value) {
		_ = p.Set(name, func(call goja.FunctionCall) goja.Value {
			return f(call.This.ToObject(m.h.vm), call)
		})
	}
	chars := make([]any, len(nonceChars))
	for i, c := range nonceChars {
		chars[i] = string(c)
	}
	_ = p.Set("NONCE_CHARS", m.h.vm.NewArray(chars...))
	fn("_getTimestamp", func(this *goja.Object, call goja.FunctionCall) goja.Value { // L64-66
		if h := m.h.opts.hooks; h != nil && h.timestamp != nil {
			return m.h.vm.ToValue(h.timestamp())
		}
		return m.h.vm.ToValue(time.Now().Unix())
	})
	fn("_getNonce", func(this *goja.Object, call goja.FunctionCall) goja.Value { // L231-242
		if h := m.h.opts.hooks; h != nil && h.nonce != nil {
			return m.h.vm.ToValue(h.nonce())
		}
		n := int(call.Argument(0).ToInteger())
		if n > 1<<16 {
			// A huge nonceSize: node-oauth's own loop (L237-240), in JavaScript,
			// so that the time limit and the memory ceiling can stop it.
			v, err := m.h.vm.RunProgram(nonceLoopPrg)
			if err == nil {
				fn, _ := goja.AssertFunction(v)
				v, err = fn(goja.Undefined(), call.Argument(0), prop(this, "NONCE_CHARS"))
			}
			if err != nil {
				panic(err)
			}
			return v
		}
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteByte(nonceChars[rand.IntN(len(nonceChars))])
		}
		return m.h.vm.ToValue(b.String())
	})
	fn("_normalizeUrl", func(this *goja.Object, call goja.FunctionCall) goja.Value {
		return m.h.vm.ToValue(normalizeURL(m.urlArg(call.Argument(0))))
	})
	fn("_prepareParameters", func(this *goja.Object, call goja.FunctionCall) goja.Value {
		ordered, _ := m.sign.prepareParameters(this, call.Argument(0), call.Argument(1), call.Argument(2),
			m.urlArg(call.Argument(3)), call.Argument(4))
		out := make([]any, len(ordered))
		for i, p := range ordered {
			out[i] = m.h.vm.NewArray(p.Name, p.Value)
		}
		return m.h.vm.NewArray(out...)
	})
	fn("_performSecureRequest", func(this *goja.Object, call goja.FunctionCall) goja.Value {
		a := call.Argument
		m.sign.performSecureRequest(this, a(0), a(1), a(2), a(3), a(4), a(5), a(6), a(7))
		return goja.Undefined()
	})
	fn("setClientOptions", m.setClientOptions)
	fn("getOAuthAccessToken", m.sign.getOAuthAccessToken)
	fn("getOAuthRequestToken", m.sign.getOAuthRequestToken)
	fn("getProtectedResource", func(this *goja.Object, call goja.FunctionCall) goja.Value { // L480-482
		a := call.Argument
		m.sign.performSecureRequest(this, a(2), a(3), a(1), a(0), goja.Null(), m.h.vm.ToValue(""), goja.Null(), a(4))
		return goja.Undefined()
	})
	simple := func(method string) func(this *goja.Object, call goja.FunctionCall) goja.Value { // L484-490
		return func(this *goja.Object, call goja.FunctionCall) goja.Value {
			a := call.Argument
			m.sign.performSecureRequest(this, a(1), a(2), m.h.vm.ToValue(method), a(0), goja.Null(), m.h.vm.ToValue(""), goja.Null(), a(3))
			return goja.Undefined()
		}
	}
	fn("get", simple("GET"))
	fn("delete", simple("DELETE"))
	putOrPost := func(method string) func(this *goja.Object, call goja.FunctionCall) goja.Value {
		return func(this *goja.Object, call goja.FunctionCall) goja.Value {
			a := call.Argument
			m.putOrPost(this, m.h.vm.ToValue(method), a(0), a(1), a(2), a(3), a(4), a(5))
			return goja.Undefined()
		}
	}
	fn("post", putOrPost("POST"))
	fn("put", putOrPost("PUT"))
	fn("_putOrPost", func(this *goja.Object, call goja.FunctionCall) goja.Value {
		a := call.Argument
		m.putOrPost(this, a(0), a(1), a(2), a(3), a(4), a(5), a(6))
		return goja.Undefined()
	})
	fn("signUrl", m.sign.signURL)
	fn("authHeader", m.sign.authHeader)
}

// putOrPost is _putOrPost (L492-504): a content type that is a function is
// the callback; a body that is not a string becomes extra_params, sent
// form-encoded.
func (m *oauthModule) putOrPost(this *goja.Object, method goja.Value, u, token, secret, body, contentType, cb goja.Value) {
	extra := goja.Null()
	if _, ok := goja.AssertFunction(contentType); ok {
		cb, contentType = contentType, goja.Null()
	}
	if !goja.IsString(body) {
		contentType = m.h.vm.ToValue("application/x-www-form-urlencoded")
		extra, body = body, goja.Null()
	}
	m.sign.performSecureRequest(this, token, secret, method, u, extra, body, contentType, cb)
}

// setClientOptions is L442-456: the default options, overridden by own keys of options.
func (m *oauthModule) setClientOptions(this *goja.Object, call goja.FunctionCall) goja.Value {
	options := call.Argument(0).ToObject(m.h.vm)
	defaults := prop(this, "_defaultClientOptions").ToObject(m.h.vm)
	merged := m.h.vm.NewObject()
	for _, k := range defaults.Keys() {
		if hasOwn(options, k) {
			_ = merged.Set(k, prop(options, k))
		} else {
			_ = merged.Set(k, prop(defaults, k))
		}
	}
	_ = this.Set("_clientOptions", merged)
	return goja.Undefined()
}

func hasOwn(o *goja.Object, k string) bool { return contains(o.GetOwnPropertyNames(), k) }

func contains(l []string, s string) bool {
	for _, v := range l {
		if v == s {
			return true
		}
	}
	return false
}

// encodeValue is _encodeData on a JS value (L68-79): null, undefined and
// everything loosely equal to "" (0, false, []) encode to "".
func (m *oauthModule) encodeValue(v goja.Value) string {
	return encodeData(m.paramString(v))
}

// paramString is a parameter value as node-oauth ends up encoding it.
func (m *oauthModule) paramString(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) || v.Equals(m.h.vm.ToValue("")) {
		return ""
	}
	return v.String()
}

// urlArg is a URL argument; url.parse throws for anything but a string.
func (m *oauthModule) urlArg(v goja.Value) string {
	if goja.IsString(v) {
		return v.String()
	}
	panic(m.h.nodeError("TypeError", `The "url" argument must be of type string. Received `+describeArg(v),
		map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
}

// prop is o[k]: undefined for a missing key (goja's Get gives a Go nil, which
// no method may be called on). The shim reads every property through it.
func prop(o *goja.Object, k string) goja.Value {
	if v := o.Get(k); v != nil {
		return v
	}
	return goja.Undefined()
}

// methodOf is method.toUpperCase() as _createSignatureBase calls it (L196),
// with V8's errors when method has no such method.
func (m *oauthModule) methodOf(v goja.Value) string {
	if goja.IsString(v) {
		return strings.ToUpper(v.String())
	}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		panic(m.h.nodeError("TypeError", "Cannot read properties of "+describeNullish(v)+" (reading 'toUpperCase')", nil))
	}
	fn, ok := goja.AssertFunction(prop(v.ToObject(m.h.vm), "toUpperCase"))
	if !ok {
		panic(m.h.nodeError("TypeError", "method.toUpperCase is not a function", nil))
	}
	out, err := fn(v)
	if err != nil {
		panic(err)
	}
	return out.String()
}

func describeNullish(v goja.Value) string {
	if v != nil && goja.IsNull(v) {
		return "null"
	}
	return "undefined"
}

var nonceLoopPrg = goja.MustCompile(oauthHelpersFile, `(function(nonceSize, chars) {
  var result = [];
  for (var i = 0; i < nonceSize; i++) result[i] = chars[Math.floor(Math.random() * chars.length)];
  return result.join('');
})`, false)
