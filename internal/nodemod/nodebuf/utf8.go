// Package nodebuf holds the byte/string conversions Node's Buffer does that
// several module emulations share.
package nodebuf

import (
	"strings"
	"unicode/utf8"
)

// DecodeUTF8 decodes b as Buffer#toString('utf8') does: each maximal
// subpart of an ill-formed sequence becomes one U+FFFD (the WHATWG Encoding
// standard's UTF-8 decoder, https://encoding.spec.whatwg.org/#utf-8-decoder).
func DecodeUTF8(b []byte) string {
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			n = maximalSubpart(b)
		}
		sb.WriteRune(r)
		b = b[n:]
	}
	return sb.String()
}

// maximalSubpart returns how many bytes of the ill-formed sequence at the
// start of b form one replacement: the lead byte plus the continuation bytes
// that were still valid for it.
func maximalSubpart(b []byte) int {
	lead := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case lead >= 0xC2 && lead <= 0xDF:
		need = 1
	case lead >= 0xE0 && lead <= 0xEF:
		need = 2
		if lead == 0xE0 {
			lo = 0xA0
		} else if lead == 0xED {
			hi = 0x9F
		}
	case lead >= 0xF0 && lead <= 0xF4:
		need = 3
		if lead == 0xF0 {
			lo = 0x90
		} else if lead == 0xF4 {
			hi = 0x8F
		}
	default:
		return 1
	}
	n := 1
	for i := 1; i <= need && i < len(b); i++ {
		if b[i] < lo || b[i] > hi {
			break
		}
		lo, hi = 0x80, 0xBF
		n++
	}
	return n
}
