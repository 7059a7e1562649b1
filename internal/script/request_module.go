package script

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/wire"
)

// requestModule is require('request').
type requestModule struct{ h *host }

// exports is require('request') (docs/auth0.md "The sandbox": available in Auth0
// scripts): the callback API request(options, cb), request(url, [options,]
// cb), .get/.post/.put/.patch/.del/.delete/.head, with url/uri, method,
// headers, qs, body, form, json and followRedirect. cb(err, response, body);
// with json: true an object body is sent as JSON and the answer parsed.
func (rm *requestModule) exports() *goja.Object {
	main := rm.h.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		rm.request("", call.Arguments)
		return goja.Undefined()
	}).(*goja.Object)
	for name, method := range map[string]string{"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH",
		"del": "DELETE", "delete": "DELETE", "head": "HEAD"} {
		m := method
		_ = main.Set(name, func(call goja.FunctionCall) goja.Value {
			rm.request(m, call.Arguments)
			return goja.Undefined()
		})
	}
	return main
}

// requestOptions are the options the shim understands.
type requestOptions struct {
	url, method    string
	headers        orderedHeaders // the script's, in its order
	added          orderedHeaders // request's own: accept, content-type (only where the script set none)
	referer        string         // on a redirect hop: the previous URL
	body           []byte
	json           bool
	followRedirect bool
	auth           *requestAuth // the auth option (request_auth.go), nil without one
	authLate       bool         // the header came with a 401 retry: after content-length, as caseless appends it
}

// add sets one of request's own headers unless the script set it.
func (ro *requestOptions) add(name, value string) {
	if !hasHeader(ro.headers, name) {
		ro.added.set(name, value)
	}
}

func (rm *requestModule) request(method string, args []goja.Value) {
	var opts *goja.Object
	var cb goja.Callable
	for _, a := range args {
		if fn, ok := goja.AssertFunction(a); ok {
			cb = fn
			break
		}
		if s, ok := a.Export().(string); ok {
			if opts == nil {
				opts = rm.h.vm.NewObject()
			}
			_ = opts.Set("uri", s)
		} else if o, ok := a.(*goja.Object); ok {
			if opts == nil {
				opts = rm.h.vm.NewObject()
			}
			for _, k := range o.Keys() {
				_ = opts.Set(k, o.Get(k))
			}
		}
	}
	if opts == nil {
		panic(rm.h.nodeError("Error", "undefined is not a valid uri or options object.", nil))
	}
	ro := requestOptions{method: "GET", followRedirect: true}
	get := func(k string) goja.Value {
		v := opts.Get(k)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return nil
		}
		return v
	}
	if v := get("uri"); v != nil {
		ro.url = v.String()
	} else if v := get("url"); v != nil {
		ro.url = v.String()
	} else {
		panic(rm.h.nodeError("Error", "options.uri is a required argument", nil))
	}
	if v := get("baseUrl"); v != nil {
		ro.url = strings.TrimRight(v.String(), "/") + "/" + strings.TrimLeft(ro.url, "/")
	}
	if v := get("method"); v != nil {
		ro.method = strings.ToUpper(v.String())
	}
	if method != "" {
		ro.method = method
	}
	if v := get("qs"); v != nil {
		q := rm.qsStringify(v)
		if q != "" {
			if strings.Contains(ro.url, "?") {
				ro.url += "&" + q
			} else {
				ro.url += "?" + q
			}
		}
	}
	if v := get("followRedirect"); v != nil {
		ro.followRedirect = v.ToBoolean()
	}
	if v := get("headers"); v != nil {
		ho := v.ToObject(rm.h.vm)
		for _, k := range ho.Keys() {
			// request.js init deletes headers whose value is undefined
			// ("they break ClientRequest.OutgoingMessage.setHeader"), so
			// {'X-A': undefined} is not sent and is no error (node-verified
			// row in request_module_test.go).
			if hv := ho.Get(k); hv != nil && !goja.IsUndefined(hv) {
				ro.headers.setValue(k, hv)
			}
		}
	}
	if v := get("json"); v != nil && v.ToBoolean() {
		ro.json = true
		ro.add("accept", "application/json")
		if _, isBool := v.Export().(bool); !isBool && get("body") == nil {
			s, err := rm.h.stringify(v)
			if err != nil {
				panic(rm.h.nodeError("TypeError", err.Error(), nil))
			}
			ro.body = []byte(s)
			ro.add("content-type", "application/json")
		}
	}
	if v := get("form"); v != nil {
		if s, ok := v.Export().(string); ok {
			ro.body = []byte(s)
		} else {
			ro.body = []byte(rm.qsStringify(v))
		}
		ro.add("content-type", "application/x-www-form-urlencoded")
	}
	if v := get("body"); v != nil {
		if s, ok := v.Export().(string); ok {
			ro.body = []byte(s)
		} else if ro.json {
			s, err := rm.h.stringify(v)
			if err != nil {
				panic(rm.h.nodeError("TypeError", err.Error(), nil))
			}
			ro.body = []byte(s)
			ro.add("content-type", "application/json")
		} else {
			panic(rm.h.nodeError("Error", "Argument error, options.body.", nil))
		}
	}
	// request.js init applies auth after json and the body, before
	// content-length; its errors are emitted, so they reach the callback
	// at once (lib/auth.js).
	auth, aerr := rm.parseRequestAuth(get("auth"))
	if aerr != nil {
		if err := rm.callRequestCB(cb, aerr, goja.Undefined(), goja.Undefined()); err != nil {
			panic(err)
		}
		cb = nil // request's callback runs once (request.js self.callback)
	}
	ro.auth = auth
	rm.requestHop(ro, cb, 0)
}

// qsStringify is the qs library's stringify, which request uses for its qs
// and form options: arrays as key[0], key[1], nested objects as key[sub],
// null as "key=", undefined left out, RFC 3986 encoding (so ! ' ( ) * are
// escaped too).
func (rm *requestModule) qsStringify(v goja.Value) string {
	var parts []string
	var walk func(prefix string, v goja.Value)
	walk = func(prefix string, v goja.Value) {
		switch {
		case v == nil || goja.IsUndefined(v):
			return
		case goja.IsNull(v):
			parts = append(parts, encodeData(prefix)+"=")
			return
		}
		o, isObj := v.(*goja.Object)
		if !isObj {
			parts = append(parts, encodeData(prefix)+"="+encodeData(v.String()))
			return
		}
		if o.ClassName() == "Date" {
			parts = append(parts, encodeData(prefix)+"="+encodeData(rm.h.callMethod(o, "toISOString").String()))
			return
		}
		for _, k := range o.Keys() {
			walk(prefix+"["+k+"]", o.Get(k))
		}
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return ""
	}
	for _, k := range o.Keys() {
		walk(k, o.Get(k))
	}
	return strings.Join(parts, "&")
}

// requestHop sends one hop; GET and HEAD redirects are followed (request's
// default, at most 10, then an error), with a referer header.
func (rm *requestModule) requestHop(ro requestOptions, cb goja.Callable, hop int) {
	u, err := url.Parse(ro.url)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		// request names the URI as url.parse's href has it.
		ne := &netError{Message: "Invalid URI \"" + autoEscape.Replace(strings.TrimSpace(ro.url)) + "\""}
		rm.h.later(func() error { return rm.callRequestCB(cb, ne.value(rm.h), goja.Undefined(), goja.Undefined()) })
		return
	}
	// request.js start() calls http.request inside try/catch and emits what
	// it throws as 'error' (request.js: `catch (err) { self.emit('error',
	// err) }`), in the deferred tick where the request starts: an invalid
	// path, method or header reaches the callback as err, never a
	// synchronous throw (node-verified rows in request_module_test.go).
	var method, path string
	var h []wire.Field
	if e := rm.h.catchNodeError(func() {
		method, path = rm.h.net.requestLine(ro.method, requestPath(ro.url))
		h = rm.requestHeaders(ro, u, method)
	}); e != nil {
		rm.h.later(func() error { return rm.callRequestCB(cb, e, goja.Undefined(), goja.Undefined()) })
		return
	}
	req := &wire.Request{Scheme: u.Scheme, Host: u.Hostname(), Port: portOf(u.Scheme, u.Port()), Method: method,
		Path: path, Body: ro.body, Header: h}
	rm.h.net.send(ro.url, req, func(resp *wire.Response, ne *netError) error {
		if ne != nil {
			return rm.callRequestCB(cb, ne.value(rm.h), goja.Undefined(), goja.Undefined())
		}
		if loc := resp.Location(); ro.followRedirect && resp.StatusCode >= 300 && resp.StatusCode < 400 && loc != "" &&
			(ro.method == "GET" || ro.method == "HEAD") {
			next, err := u.Parse(loc)
			if err == nil {
				if hop >= 10 {
					e := rm.h.nodeError("Error", "Exceeded maxRedirects. Probably stuck in a redirect loop "+next.String(), nil)
					return rm.callRequestCB(cb, e, goja.Undefined(), goja.Undefined())
				}
				if next.Hostname() != u.Hostname() {
					ro.auth = nil // redirect.js removes authorization when the host name changes
				}
				ro.referer, ro.url = u.String(), next.String()
				rm.requestHop(ro, cb, hop+1)
				return nil
			}
		}
		if next := ro.auth.retry401(responseHeader(resp, "www-authenticate")); resp.StatusCode == 401 && next != "" {
			if hop >= 10 {
				e := rm.h.nodeError("Error", "Exceeded maxRedirects. Probably stuck in a redirect loop "+u.String(), nil)
				return rm.callRequestCB(cb, e, goja.Undefined(), goja.Undefined())
			}
			a := *ro.auth
			a.sent, a.header = true, next
			ro.auth, ro.authLate, ro.referer = &a, true, u.String()
			rm.requestHop(ro, cb, hop+1)
			return nil
		}
		res := rm.h.net.responseObject(resp)
		var body goja.Value = rm.h.vm.ToValue(toUTF8(resp.Body))
		if ro.json && len(resp.Body) > 0 {
			if parse, ok := goja.AssertFunction(rm.h.vm.Get("JSON").ToObject(rm.h.vm).Get("parse")); ok {
				if v, err := parse(goja.Undefined(), body); err == nil {
					body = v
				}
			}
		}
		_ = res.Set("body", body)
		return rm.callRequestCB(cb, goja.Null(), res, body)
	})
}

func (rm *requestModule) callRequestCB(cb goja.Callable, args ...goja.Value) error {
	if cb == nil {
		return nil
	}
	_, err := cb(goja.Undefined(), args...)
	return err
}

// requestHeaders are the headers of one hop, checked as http.request checks
// them (validateHeaders panics with Node's TypeError); method is the
// request line's.
func (rm *requestModule) requestHeaders(ro requestOptions, u *url.URL, method string) []wire.Field {
	// request's order: the script's headers, host, its own (accept,
	// content-type), content-length; on a redirect host is set again after
	// the referer (redirect.js removes it); Node's agent adds Connection last.
	h := append(orderedHeaders(nil), ro.headers...)
	setHost := !hasHeader(h, "host")
	if setHost && ro.referer == "" {
		h.set("host", u.Host)
	}
	// request.js init: form's content-type, then auth, then json's
	// accept and content-type.
	if ro.auth != nil && ro.auth.header != "" && !ro.authLate && ro.json {
		h.setAuthorization(ro.auth.header)
	}
	for _, f := range ro.added {
		h.setField(f)
	}
	if ro.auth != nil && ro.auth.header != "" && !ro.authLate && !ro.json {
		h.setAuthorization(ro.auth.header)
	}
	if ro.authLate {
		if len(ro.body) > 0 {
			h.set("content-length", strconv.Itoa(len(ro.body)))
		}
		h.setAuthorization(ro.auth.header)
	}
	if ro.referer != "" {
		h.set("referer", ro.referer)
		if setHost {
			h.set("host", u.Host)
		}
	}
	if len(ro.body) > 0 {
		h.set("content-length", strconv.Itoa(len(ro.body)))
	} else if method != "GET" { // request.js: a body-less request that is not a GET says content-length: 0
		h.set("content-length", "0")
	}
	if !hasHeader(h, "connection") {
		h.set("Connection", rm.h.agentConnection()) // Node's global agent, per runtime
	}
	return rm.h.net.validateHeaders(h)
}

// requestPath is the path request hands http.request: url.parse's
// pathname and search (request.js uses self.uri.path), auto-escaped as
// url.parse does but with non-ASCII characters left alone, so a "✓" reaches
// http.request and its ERR_UNESCAPED_CHARACTERS check (node-verified row).
func requestPath(raw string) string {
	lu := parseLegacyURL(raw)
	if lu.Query != "" || strings.Contains(strings.SplitN(raw, "#", 2)[0], "?") {
		return lu.Pathname + "?" + lu.Query
	}
	return lu.Pathname
}
