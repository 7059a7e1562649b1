package querystring

import (
	_ "embed"
	"fmt"
	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/nodemod/nodebuf"
)

//go:embed querystring.js
var source string

// Require returns the exports of require('querystring') for vm: parse,
// decode, stringify, encode, escape, unescape.
func Require(vm *goja.Runtime) (*goja.Object, error) {
	fn, err := vm.RunString("(function (host) {\n" + source + "\n})")
	if err != nil {
		return nil, fmt.Errorf("querystring: compile emulation: %w (this is a bug in bridge)", err)
	}
	call, _ := goja.AssertFunction(fn)
	host := vm.NewObject()
	_ = host.Set("unescapeBuffer", unescapeBuffer)
	exports, err := call(goja.Undefined(), host)
	if err != nil {
		return nil, fmt.Errorf("querystring: init emulation: %w (this is a bug in bridge)", err)
	}
	return exports.ToObject(vm), nil
}

// unescapeBuffer is Node's querystring.unescapeBuffer(s, decodeSpaces)
// followed by .toString(): each %XX with two hex digits becomes that byte,
// '+' becomes a space when decodeSpaces, everything else is kept as UTF-8,
// and the bytes are decoded as UTF-8 with U+FFFD for invalid sequences.
func unescapeBuffer(s string, decodeSpaces bool) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+' && decodeSpaces:
			b = append(b, ' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return nodebuf.DecodeUTF8(b)
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
