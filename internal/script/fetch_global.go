package script

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/url"
	"strings"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/wire"
)

// fetchGlobal is Node's fetch (undici, global in Node 18 and 22) with
// Headers, Response, AbortController and AbortSignal (fetch_undici.go). Each
// request goes through the run's network (netHost.send): the same host
// allow-list, the same wire client, the request log and the mock's
// faults. Request headers are undici's, in its order (host, connection,
// the script's, accept, accept-language, sec-fetch-mode, user-agent,
// accept-encoding, content-length; node-verified rows in fetch_test.go);
// a gzip or deflate answer is decoded as undici does. A network failure
// rejects with undici's TypeError "fetch failed" whose cause is Node's
// network error.
type fetchGlobal struct{ h *host }

func (g *fetchGlobal) install() {
	vm := g.h.vm
	v, err := vm.RunProgram(fetchPrg)
	if err != nil {
		panic(err)
	}
	build, _ := goja.AssertFunction(v)
	abortErr := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return g.h.domException("AbortError", "This operation was aborted", 20)
	})
	out, err := build(goja.Undefined(), vm.ToValue(g.send), vm.ToValue(runtimeProfile(g.h.opts.Runtime) == RuntimeNode18), abortErr)
	if err != nil {
		panic(err)
	}
	o := out.ToObject(vm)
	for _, k := range []string{"fetch", "Headers", "Response", "AbortController", "AbortSignal"} {
		_ = vm.Set(k, o.Get(k))
	}
}

// send is the native half of fetch: send(method, url, [[name, value]...],
// body (ArrayBuffer or null), cb) calls cb(err) or cb(null, status,
// statusText, [name, value, ...], ArrayBuffer) from the event loop.
func (g *fetchGlobal) send(call goja.FunctionCall) goja.Value {
	vm := g.h.vm
	method, raw := call.Argument(0).String(), call.Argument(1).String()
	cb, _ := goja.AssertFunction(call.Argument(4))
	u, err := url.Parse(raw)
	if err != nil {
		panic(vm.NewTypeError("fetch: " + err.Error()))
	}
	var fields []wire.Field
	for _, pair := range call.Argument(2).Export().([]any) {
		p := pair.([]any)
		fields = append(fields, wire.Field{Name: p[0].(string), Value: latin1Bytes(p[1].(string))})
	}
	var body []byte
	if b, ok := bytesOf(vm, call.Argument(3)); ok {
		body = append([]byte(nil), b...)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" || u.ForceQuery {
		path += "?" + u.RawQuery
	}
	req := &wire.Request{Scheme: u.Scheme, Host: u.Hostname(), Port: portOf(u.Scheme, u.Port()), Method: method,
		Path: path, Body: body, Header: fields}
	g.h.net.send(raw, req, func(resp *wire.Response, ne *netError) error {
		if ne != nil {
			_, err := cb(goja.Undefined(), ne.value(g.h))
			return err
		}
		raw := make([]any, len(resp.RawHeaders))
		for i, s := range resp.RawHeaders {
			raw[i] = s
		}
		_, err := cb(goja.Undefined(), goja.Null(), vm.ToValue(resp.StatusCode), vm.ToValue(resp.StatusMessage),
			vm.NewArray(raw...), vm.ToValue(vm.NewArrayBuffer(decodeContent(resp))))
		return err
	})
	return goja.Undefined()
}

// latin1Bytes turns a header value (code units 0-255, checked by Headers)
// into the bytes sent.
func latin1Bytes(s string) string {
	if isASCII(s) {
		return s
	}
	return string(decodeNodeString(s, "latin1"))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// decodeContent undoes a gzip or deflate Content-Encoding, as undici does
// (lib/web/fetch/index.js); anything else is left as sent.
func decodeContent(resp *wire.Response) []byte {
	enc := strings.ToLower(strings.TrimSpace(responseHeader(resp, "content-encoding")))
	var r io.Reader
	var err error
	switch enc {
	case "gzip", "x-gzip":
		r, err = gzip.NewReader(bytes.NewReader(resp.Body))
	case "deflate":
		r, err = zlib.NewReader(bytes.NewReader(resp.Body))
		if err != nil {
			r, err = flate.NewReader(bytes.NewReader(resp.Body)), nil
		}
	default:
		return resp.Body
	}
	if err != nil {
		return resp.Body
	}
	out, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil && len(out) == 0 {
		return resp.Body
	}
	return out
}
