package script

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// requestModule is require('request') (FACTS §2: available in Auth0
// scripts): the callback API request(options, cb), request(url, [options,]
// cb), .get/.post/.put/.patch/.del/.delete/.head, with url/uri, method,
// headers, qs, body, form, json and followRedirect. cb(err, response, body);
// with json: true an object body is sent as JSON and the answer parsed.
func (r *runner) requestModule() *goja.Object {
	main := r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		r.request("", call.Arguments)
		return goja.Undefined()
	}).(*goja.Object)
	for name, method := range map[string]string{"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH",
		"del": "DELETE", "delete": "DELETE", "head": "HEAD"} {
		m := method
		_ = main.Set(name, func(call goja.FunctionCall) goja.Value {
			r.request(m, call.Arguments)
			return goja.Undefined()
		})
	}
	return main
}

// requestOptions are the options the shim understands.
type requestOptions struct {
	url, method    string
	headers        orderedHeaders
	body           []byte
	json           bool
	followRedirect bool
}

func (r *runner) request(method string, args []goja.Value) {
	var opts *goja.Object
	var cb goja.Callable
	for _, a := range args {
		if fn, ok := goja.AssertFunction(a); ok {
			cb = fn
			break
		}
		if s, ok := a.Export().(string); ok {
			if opts == nil {
				opts = r.vm.NewObject()
			}
			_ = opts.Set("uri", s)
		} else if o, ok := a.(*goja.Object); ok {
			if opts == nil {
				opts = r.vm.NewObject()
			}
			for _, k := range o.Keys() {
				_ = opts.Set(k, o.Get(k))
			}
		}
	}
	if opts == nil {
		panic(r.nodeError("Error", "undefined is not a valid uri or options object.", nil))
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
		panic(r.nodeError("Error", "options.uri is a required argument", nil))
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
		q := r.formEncode(v.ToObject(r.vm))
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
		ho := v.ToObject(r.vm)
		for _, k := range ho.Keys() {
			ro.headers.setValue(k, ho.Get(k))
		}
	}
	if v := get("json"); v != nil && v.ToBoolean() {
		ro.json = true
		if !hasHeader(ro.headers, "accept") {
			ro.headers.set("accept", "application/json")
		}
		if _, isBool := v.Export().(bool); !isBool && get("body") == nil {
			s, err := r.stringify(v)
			if err != nil {
				panic(r.nodeError("TypeError", err.Error(), nil))
			}
			ro.body = []byte(s)
			ro.headers.set("content-type", "application/json")
		}
	}
	if v := get("form"); v != nil {
		if s, ok := v.Export().(string); ok {
			ro.body = []byte(s)
		} else {
			ro.body = []byte(r.formEncode(v.ToObject(r.vm)))
		}
		ro.headers.set("content-type", "application/x-www-form-urlencoded")
	}
	if v := get("body"); v != nil {
		if s, ok := v.Export().(string); ok {
			ro.body = []byte(s)
		} else if ro.json {
			s, err := r.stringify(v)
			if err != nil {
				panic(r.nodeError("TypeError", err.Error(), nil))
			}
			ro.body = []byte(s)
			if !hasHeader(ro.headers, "content-type") {
				ro.headers.set("content-type", "application/json")
			}
		} else {
			panic(r.nodeError("Error", "Argument error, options.body.", nil))
		}
	}
	r.requestHop(ro, cb, 0)
}

// formEncode is the qs/form encoding request uses (RFC 3986 style).
func (r *runner) formEncode(o *goja.Object) string {
	var ps []param
	for _, k := range o.Keys() {
		for _, v := range r.stringifyValues(o.Get(k)) {
			ps = append(ps, param{k, v})
		}
	}
	return stringifyQuery(ps)
}

// requestHop sends one hop; GET and HEAD redirects are followed (request's
// default, at most 10).
func (r *runner) requestHop(ro requestOptions, cb goja.Callable, hop int) {
	u, err := url.Parse(ro.url)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		ne := &netError{Message: "Invalid URI \"" + ro.url + "\""}
		r.later(func() error { return r.callRequestCB(cb, ne.value(r), goja.Undefined(), goja.Undefined()) })
		return
	}
	method, path := r.requestLine(ro.method, u.RequestURI())
	req := &wireRequest{Scheme: u.Scheme, Host: u.Hostname(), Port: portOf(u.Scheme, u.Port()), Method: method,
		Path: path, Body: ro.body}
	var h orderedHeaders
	h.set("host", u.Host)
	for _, f := range ro.headers {
		h.setField(f)
	}
	if len(ro.body) > 0 || ro.method == "POST" || ro.method == "PUT" || ro.method == "PATCH" {
		h.set("content-length", strconv.Itoa(len(ro.body)))
	}
	h.set("Connection", "close")
	h = r.validateHeaders(h)
	req.Header = h
	r.send(ro.url, req, func(resp *wireResponse, ne *netError) error {
		if ne != nil {
			return r.callRequestCB(cb, ne.value(r), goja.Undefined(), goja.Undefined())
		}
		if loc := resp.location(); ro.followRedirect && resp.StatusCode >= 300 && resp.StatusCode < 400 && loc != "" &&
			(ro.method == "GET" || ro.method == "HEAD") && hop < 10 {
			next, err := u.Parse(loc)
			if err == nil {
				ro.url = next.String()
				r.requestHop(ro, cb, hop+1)
				return nil
			}
		}
		res := r.responseObject(resp)
		var body goja.Value = r.vm.ToValue(toUTF8(resp.Body))
		if ro.json && len(resp.Body) > 0 {
			if parse, ok := goja.AssertFunction(r.vm.Get("JSON").ToObject(r.vm).Get("parse")); ok {
				if v, err := parse(goja.Undefined(), body); err == nil {
					body = v
				}
			}
		}
		_ = res.Set("body", body)
		return r.callRequestCB(cb, goja.Null(), res, body)
	})
}

func (r *runner) callRequestCB(cb goja.Callable, args ...goja.Value) error {
	if cb == nil {
		return nil
	}
	_, err := cb(goja.Undefined(), args...)
	return err
}

// later runs job on the loop after the current one, as a Node nextTick would.
func (r *runner) later(job func() error) {
	enqueue := r.loop.register()
	go enqueue(job)
}
