package script

import (
	"regexp"
	"strings"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/wire"
)

// headerField is one request header, in the order it is sent.
type headerField struct {
	Name, Value string
	raw         goja.Value // the script's value, checked and encoded by validateHeaders
}

// orderedHeaders are Node's outgoing headers: set case-insensitively, the
// first position kept, the last name and value winning (OutgoingMessage's
// kOutHeaders).
type orderedHeaders []headerField

// set sets a header the shim computed.
func (h *orderedHeaders) set(name, value string) { h.setField(headerField{Name: name, Value: value}) }

// setValue sets a header whose value comes from the script.
func (h *orderedHeaders) setValue(name string, v goja.Value) {
	h.setField(headerField{Name: name, raw: v})
}

func (h *orderedHeaders) setField(f headerField) {
	for i := range *h {
		if strings.EqualFold((*h)[i].Name, f.Name) {
			(*h)[i] = f
			return
		}
	}
	*h = append(*h, f)
}

func hasHeader(h orderedHeaders, name string) bool {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return true
		}
	}
	return false
}

// httpToken is Node's checkIsHttpToken (lib/_http_common.js).
var httpToken = regexp.MustCompile("^[\\^_`a-zA-Z\\-0-9!#$%&'*+.|~]+$")

// validateHeaders does what http.request does with each header, in order
// (lib/_http_outgoing.js validateHeaderName, validateHeaderValue): a name
// that is not an HTTP token, an undefined value, or a character outside
// \t, 0x20-0x7E and 0x80-0xFF throws Node's TypeError, synchronously (the
// request module catches it and calls back with it, as request.js does). Values
// are sent as latin1 bytes; an array value is one line per element (none
// for an empty array). A CR or
// LF in a value therefore never reaches the wire.
func (n *netHost) validateHeaders(h orderedHeaders) []wire.Field {
	out := make([]wire.Field, 0, len(h))
	for i := range h {
		f := h[i]
		if !httpToken.MatchString(f.Name) {
			panic(n.h.nodeError("TypeError", `Header name must be a valid HTTP token ["`+f.Name+`"]`,
				map[string]any{"code": "ERR_INVALID_HTTP_TOKEN"}))
		}
		values := []string{f.Value}
		checked := f.Value
		if f.raw != nil {
			if goja.IsUndefined(f.raw) {
				panic(n.h.nodeError("TypeError", `Invalid value "undefined" for header "`+f.Name+`"`,
					map[string]any{"code": "ERR_HTTP_INVALID_HEADER_VALUE"}))
			}
			checked = f.raw.String()
			values = []string{checked}
			if o, ok := f.raw.(*goja.Object); ok && o.ClassName() == "Array" {
				values = nil
				for _, k := range o.Keys() {
					values = append(values, o.Get(k).String())
				}
			}
		}
		if _, ok := latin1(checked); !ok {
			panic(n.h.nodeError("TypeError", `Invalid character in header content ["`+f.Name+`"]`,
				map[string]any{"code": "ERR_INVALID_CHAR"}))
		}
		for j, v := range values {
			values[j], _ = latin1(v)
		}
		if len(values) == 0 {
			continue // an empty array: no line at all
		}
		out = append(out, wire.Field{Name: f.Name, Value: values[0], More: values[1:]})
	}
	return out
}

// latin1 encodes s as the bytes Node writes for a header value; ok is false
// when s has a character Node refuses (headerCharRegex).
func latin1(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	for _, c := range s {
		if c != '\t' && (c < 0x20 || c == 0x7F || c > 0xFF) {
			return "", false
		}
		b = append(b, byte(c))
	}
	return string(b), true
}

// requestLine does what http.request does with the path and the method, in
// that order (lib/_http_client.js): a path character outside U+0021-U+00FF
// throws ERR_UNESCAPED_CHARACTERS; a method that is not an HTTP token throws
// ERR_INVALID_HTTP_TOKEN; the method is sent upper-cased and the path as
// latin1 bytes, so "ü" in a URL goes out as the single byte 0xFC, as under
// Node, not as UTF-8.
func (n *netHost) requestLine(method, path string) (string, string) {
	b := make([]byte, 0, len(path))
	ok := true
	for _, c := range path {
		if c < 0x21 || c > 0xFF { // INVALID_PATH_REGEX = /[^\u0021-\u00ff]/
			ok = false
			break
		}
		b = append(b, byte(c))
	}
	if !ok {
		panic(n.h.nodeError("TypeError", "Request path contains unescaped characters",
			map[string]any{"code": "ERR_UNESCAPED_CHARACTERS"}))
	}
	if method == "" {
		method = "GET"
	}
	if !httpToken.MatchString(method) {
		panic(n.h.nodeError("TypeError", `Method must be a valid HTTP token ["`+method+`"]`,
			map[string]any{"code": "ERR_INVALID_HTTP_TOKEN"}))
	}
	return strings.ToUpper(method), string(b)
}
