package script

import (
	"strings"

	"github.com/dop251/goja"
)

// getOAuthRequestToken is L535-556: ([extraParams,] cb); oauth_callback is
// set from authorize_callback when that is truthy; the answer is parsed
// with querystring.parse into cb(null, token, secret, results).
func (sg *oauthSigner) getOAuthRequestToken(this *goja.Object, call goja.FunctionCall) goja.Value {
	extra, cb := call.Argument(0), call.Argument(1)
	if _, ok := goja.AssertFunction(extra); ok {
		cb, extra = extra, sg.h.vm.NewObject()
	}
	if ac := prop(this, "_authorize_callback"); ac != nil && ac.ToBoolean() {
		_ = extra.ToObject(sg.h.vm).Set("oauth_callback", ac)
	}
	method := prop(prop(this, "_clientOptions").ToObject(sg.h.vm), "requestTokenHttpMethod")
	sg.performSecureRequest(this, goja.Null(), goja.Null(), method, prop(this, "_requestUrl"), extra, goja.Null(), goja.Null(),
		sg.h.vm.ToValue(sg.tokenCallback(cb)))
	return goja.Undefined()
}

// getOAuthAccessToken is L458-477: (token, secret, [verifier,] cb).
func (sg *oauthSigner) getOAuthAccessToken(this *goja.Object, call goja.FunctionCall) goja.Value {
	token, secret, verifier, cb := call.Argument(0), call.Argument(1), call.Argument(2), call.Argument(3)
	extra := sg.h.vm.NewObject()
	if _, ok := goja.AssertFunction(verifier); ok {
		cb = verifier
	} else {
		_ = extra.Set("oauth_verifier", verifier)
	}
	method := prop(prop(this, "_clientOptions").ToObject(sg.h.vm), "accessTokenHttpMethod")
	sg.performSecureRequest(this, token, secret, method, prop(this, "_accessUrl"), extra, goja.Null(), goja.Null(),
		sg.h.vm.ToValue(sg.tokenCallback(cb)))
	return goja.Undefined()
}

// tokenCallback adapts the request callback to the token callback shape.
func (sg *oauthSigner) tokenCallback(cb goja.Value) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(cb)
		if !ok {
			panic(sg.h.nodeError("TypeError", "callback is not a function", nil))
		}
		var err error
		if e := call.Argument(0); e.ToBoolean() {
			_, err = fn(goja.Undefined(), e)
		} else {
			results := sg.h.vm.NewObject()
			var token, secret goja.Value = goja.Undefined(), goja.Undefined()
			for _, p := range parseQuery(call.Argument(1).String()) {
				var v goja.Value = sg.h.vm.ToValue(p.Values[0])
				if len(p.Values) > 1 {
					vals := make([]any, len(p.Values))
					for i, s := range p.Values {
						vals[i] = s
					}
					v = sg.h.vm.NewArray(vals...)
				}
				switch p.Key {
				case "oauth_token":
					token = v
				case "oauth_token_secret":
					secret = v
				default:
					_ = results.Set(p.Key, v)
				}
			}
			_, err = fn(goja.Undefined(), goja.Null(), token, secret, results)
		}
		if err != nil {
			panic(err)
		}
		return goja.Undefined()
	}
}

// signUrl is L558-574: the URL with the signed oauth_* parameters as its query.
func (sg *oauthSigner) signURL(this *goja.Object, call goja.FunctionCall) goja.Value {
	rawURL, ordered := sg.signedParameters(this, call)
	u := parseLegacyURL(rawURL)
	var q []string
	for _, p := range ordered {
		q = append(q, p.Name+"="+encodeData(p.Value))
	}
	proto, host, path := u.Protocol, u.Host(), u.Pathname
	if proto == "" {
		proto = "null"
	}
	if !u.HasHost {
		host = "null"
	}
	if path == "" {
		path = "null"
	}
	return sg.h.vm.ToValue(proto + "//" + host + path + "?" + strings.Join(q, "&"))
}

// signedParameters is what signUrl and authHeader (L558-583) share: the
// arguments (url, token, tokenSecret, method = "GET") signed as
// _prepareParameters signs them.
func (sg *oauthSigner) signedParameters(this *goja.Object, call goja.FunctionCall) (string, []param) {
	rawURL := sg.mod.urlArg(call.Argument(0))
	var method goja.Value = sg.h.vm.ToValue("GET")
	if m := call.Argument(3); !goja.IsUndefined(m) {
		method = m
	}
	ordered, _ := sg.prepareParameters(this, call.Argument(1), call.Argument(2), method, rawURL, sg.h.vm.NewObject())
	return rawURL, ordered
}

// authHeader is L576-583: the Authorization header for a request.
func (sg *oauthSigner) authHeader(this *goja.Object, call goja.FunctionCall) goja.Value {
	_, ordered := sg.signedParameters(this, call)
	return sg.h.vm.ToValue(sg.mod.authHeaderOf(this, ordered))
}
