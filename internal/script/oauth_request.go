package script

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/wire"
)

// oauthSigner is node-oauth's request path: parameters, signature, the
// request and its callback, and the token calls.
type oauthSigner struct {
	h   *host
	mod *oauthModule
}

// paramSet is node-oauth's oauthParameters object: names in insertion
// order, a later assignment overwriting the earlier value in place.
type paramSet struct {
	names  []string
	values map[string][]string
}

func (s *paramSet) set(name string, values ...string) {
	if s.values == nil {
		s.values = map[string][]string{}
	}
	if _, ok := s.values[name]; !ok {
		s.names = append(s.names, name)
	}
	s.values[name] = values
}

// pairs is _makeArrayOfArgumentsHash (L140-156): an array value gives one pair per element.
func (s *paramSet) pairs() []param {
	var out []param
	for _, n := range s.names {
		for _, v := range s.values[n] {
			out = append(out, param{n, v})
		}
	}
	return out
}

// prepareParameters is _prepareParameters (L261-308): the oauth_* parameters,
// then extra_params, then the URL query (repeated keys as key[0], key[1]),
// signed; returned sorted by raw name and value with oauth_signature last.
// An OAuthEcho object signs only the oauth_* parameters (L275-276).
// A signing failure (a bad key) is thrown synchronously (docs/node-oauth.md).
//
// The method is upper-cased as _createSignatureBase does (L196), so a method
// that is not a string throws V8's TypeError there; prepareParameters
// returns it as a string.
func (sg *oauthSigner) prepareParameters(this *goja.Object, token, tokenSecret, methodV goja.Value, rawURL string, extra goja.Value) ([]param, string) {
	var ps paramSet
	// Values as _makeArrayOfArgumentsHash reads them: an array gives one pair per element.
	ps.set("oauth_timestamp", sg.valuesOf(sg.h.callMethod(this, "_getTimestamp"))...)
	ps.set("oauth_nonce", sg.valuesOf(sg.h.callMethod(this, "_getNonce", prop(this, "_nonceSize")))...)
	ps.set("oauth_version", sg.valuesOf(prop(this, "_version"))...)
	ps.set("oauth_signature_method", sg.valuesOf(prop(this, "_signatureMethod"))...)
	ps.set("oauth_consumer_key", sg.valuesOf(prop(this, "_consumerKey"))...)
	if token.ToBoolean() { // L270-272
		ps.set("oauth_token", sg.valuesOf(token)...)
	}
	isEcho := prop(this, "_isEcho").ToBoolean()
	if extra.ToBoolean() && !isEcho { // L279-283
		eo := extra.ToObject(sg.h.vm)
		for _, k := range eo.Keys() {
			ps.set(k, sg.valuesOf(prop(eo, k))...)
		}
	}
	if u := parseLegacyURL(rawURL); u.Query != "" && !isEcho { // L284-300
		for _, p := range queryParams(u.Query) {
			ps.set(p.Name, p.Value)
		}
	}
	pairs := ps.pairs()
	var base, method string
	if isEcho { // L275-276: OAuth Echo signs a GET of the verify-credentials URL, oauth_* only
		base = signatureBase("GET", sg.mod.urlArg(prop(this, "_verifyCredentials")), pairs)
		method = methodV.String()
	} else {
		base = signatureBase(sg.mod.methodOf(methodV), rawURL, pairs)
		method = methodV.String() // the request keeps the method as given
	}
	if h := sg.h.opts.hooks; h != nil && h.onBase != nil {
		h.onBase(base)
	}
	sig := sg.createSignature(this, base, tokenSecret)
	ordered := append([]param(nil), pairs...)
	sortParams(ordered) // L305: sorted raw, not encoded
	return append(ordered, param{"oauth_signature", sig}), method
}

// valuesOf is a parameter's values: an array gives one per element (L145-149).
func (sg *oauthSigner) valuesOf(v goja.Value) []string {
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
		n := int(prop(o, "length").ToInteger())
		out := make([]string, n)
		for i := 0; i < n; i++ {
			out[i] = sg.mod.paramString(prop(o, strconv.Itoa(i)))
		}
		return out
	}
	return []string{sg.mod.paramString(v)}
}

// createSignature reads the secrets from the object as node-oauth does (L199-224).
func (sg *oauthSigner) createSignature(this *goja.Object, base string, tokenSecret goja.Value) string {
	ts := ""
	if tokenSecret != nil && !goja.IsUndefined(tokenSecret) {
		ts = sg.mod.encodeValue(tokenSecret)
	}
	pk := ""
	if v := prop(this, "_privateKey"); v != nil && v.ToBoolean() {
		pk = v.String()
	}
	sig, err := createSignature(prop(this, "_signatureMethod").String(), base, sg.mod.paramString(prop(this, "_consumerSecret")), ts, pk)
	if err != nil {
		if se, ok := err.(*signError); ok {
			props := map[string]any{}
			for k, v := range se.props {
				props[k] = v
			}
			props["code"] = se.Code
			panic(sg.h.nodeError("Error", se.Message, props))
		}
		panic(sg.h.nodeError("Error", err.Error(), nil))
	}
	return sig
}

// performSecureRequest is _performSecureRequest (L310-440).
func (sg *oauthSigner) performSecureRequest(this *goja.Object, token, tokenSecret, methodV, urlV, extra, body, contentType, cb goja.Value) {
	rawURL := sg.mod.urlArg(urlV)
	ordered, method := sg.prepareParameters(this, token, tokenSecret, methodV, rawURL, extra)
	if !contentType.ToBoolean() { // L313-315
		contentType = sg.h.vm.ToValue("application/x-www-form-urlencoded")
	}
	u := parseLegacyURL(rawURL)

	// Headers, in node-oauth's order (L320-364).
	var headers orderedHeaders
	if prop(this, "_isEcho").ToBoolean() { // L324-329
		headers.set("X-Verify-Credentials-Authorization", sg.mod.authHeaderOf(this, ordered))
	} else {
		headers.set("Authorization", sg.mod.authHeaderOf(this, ordered))
	}
	headers.set("Host", u.Host())
	if h := prop(this, "_headers"); h != nil && h.ToBoolean() {
		ho := h.ToObject(sg.h.vm)
		for _, k := range ho.Keys() {
			headers.setValue(k, prop(ho, k))
		}
	}
	// L337-342: oauth_* extra params are deleted from the caller's object.
	var eo *goja.Object
	if extra != nil && !goja.IsUndefined(extra) && !goja.IsNull(extra) {
		eo = extra.ToObject(sg.h.vm)
		for _, k := range eo.Keys() {
			if strings.HasPrefix(k, "oauth_") {
				_ = eo.Delete(k)
			}
		}
	}
	isPutPost := method == "POST" || method == "PUT"
	bodyIsNull := body == nil || goja.IsUndefined(body) || goja.IsNull(body)
	if isPutPost && bodyIsNull && eo != nil { // L344-352
		var ps []param
		for _, k := range eo.Keys() {
			for _, v := range sg.stringifyValues(prop(eo, k)) {
				ps = append(ps, param{k, v})
			}
		}
		body = sg.h.vm.ToValue(stringifyQuery(ps))
		bodyIsNull = false
	}
	var bodyBytes []byte
	if !bodyIsNull && body.ToBoolean() { // L354-362
		s, ok := body.String(), goja.IsString(body)
		if !ok {
			panic(sg.h.nodeError("TypeError", `The "string" argument must be of type string or an instance of Buffer or ArrayBuffer. Received `+describeArg(body),
				map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
		}
		bodyBytes = []byte(s)
	}
	headers.set("Content-length", strconv.Itoa(len(bodyBytes)))
	headers.setValue("Content-Type", contentType)
	if !hasHeader(headers, "connection") {
		// Node's http agent adds this last, per runtime (agentConnection);
		// only custom headers can lack it.
		headers = append(headers, headerField{Name: "Connection", Value: sg.h.agentConnection()})
	}

	path := u.Pathname // L366-369
	if path == "" {
		path = "/"
	}
	if u.Query != "" {
		path += "?" + u.Query
	}
	// _createClient (L371-375): http.request checks the path, the method and
	// every header, with or without a callback.
	reqMethod, reqPath := sg.h.net.requestLine(method, path)
	req := &wire.Request{Method: reqMethod, Path: reqPath, Header: sg.h.net.validateHeaders(headers)}
	fn, hasCallback := goja.AssertFunction(cb)
	if !hasCallback {
		// Without a callback node-oauth returns the unsent request (L432-437);
		// the shim has no request object to give, so nothing is sent.
		return
	}
	if isPutPost && len(bodyBytes) > 0 { // L427-429
		req.Body = bodyBytes
	}
	switch u.Protocol {
	case "https:":
		req.Scheme, req.Port = "https", "443"
	default:
		req.Scheme, req.Port = "http", "80"
	}
	req.Host = u.Hostname // "" for a relative URL: see send
	if u.Port != "" {
		req.Port = u.Port
	}
	followRedirects := true
	if co := prop(this, "_clientOptions"); co != nil && co.ToBoolean() {
		followRedirects = prop(co.ToObject(sg.h.vm), "followRedirects").ToBoolean()
	}
	sg.h.net.send(rawURL, req, func(resp *wire.Response, err *netError) error {
		if err != nil {
			_, e := fn(goja.Undefined(), err.value(sg.h)) // L420-425
			return e
		}
		if resp.Truncated {
			return nil // 'end' never fires: the callback is never called (docs/node-oauth.md)
		}
		data := sg.h.vm.ToValue(toUTF8(resp.Body))
		res := sg.h.net.responseObject(resp)
		switch {
		case resp.StatusCode >= 200 && resp.StatusCode <= 299: // L391-392
			_, e := fn(goja.Undefined(), goja.Null(), data, res)
			return e
		case (resp.StatusCode == 301 || resp.StatusCode == 302) && followRedirects && resp.Location() != "": // L395-396
			// Same method, token, extra_params (oauth_* already deleted) and body; a new nonce and signature.
			var e error
			sg.guard(&e, func() {
				sg.performSecureRequest(this, token, tokenSecret, methodV, sg.h.vm.ToValue(resp.Location()), extraOrNull(eo), body, contentType, cb)
			})
			return e
		default: // L399
			errObj := sg.h.vm.NewObject()
			_ = errObj.Set("statusCode", resp.StatusCode)
			_ = errObj.Set("data", data)
			_, e := fn(goja.Undefined(), errObj, data, res)
			return e
		}
	})
}

func extraOrNull(o *goja.Object) goja.Value {
	if o == nil {
		return goja.Null()
	}
	return o
}

// guard runs f, turning a JS throw out of Go code into an error, as a throw
// inside an event handler is an uncaught exception in Node.
func (sg *oauthSigner) guard(errp *error, f func()) {
	defer func() {
		if v := recover(); v != nil {
			switch x := v.(type) {
			case goja.Value:
				*errp = sg.exceptionFromValue(x)
			case error:
				*errp = x
			default:
				panic(v)
			}
		}
	}()
	f()
}

// exceptionFromValue throws v in the VM to get a *goja.Exception with a stack.
func (sg *oauthSigner) exceptionFromValue(v goja.Value) error {
	thrower, _ := goja.AssertFunction(sg.h.vm.ToValue(func(goja.FunctionCall) goja.Value { panic(v) }))
	_, err := thrower(goja.Undefined())
	return err
}

// stringifyValues is querystring.stringify's view of a value: arrays give
// one entry per element; strings, finite numbers and booleans print; the
// rest is "".
func (sg *oauthSigner) stringifyValues(v goja.Value) []string {
	one := func(v goja.Value) string {
		switch x := v.Export().(type) {
		case string:
			return x
		case bool:
			return strconv.FormatBool(x)
		case int64:
			return v.String()
		case float64:
			if x-x == 0 {
				return v.String()
			}
		}
		return ""
	}
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
		n := int(prop(o, "length").ToInteger())
		out := make([]string, n)
		for i := range out {
			out[i] = one(prop(o, strconv.Itoa(i)))
		}
		return out
	}
	return []string{one(v)}
}
