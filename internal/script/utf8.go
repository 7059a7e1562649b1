package script

import (
	"strings"
	"unicode/utf8"
)

// toUTF8 decodes b as Node does when node-oauth collects a body with
// response.setEncoding('utf8') (lib/oauth.js L406-409) and when querystring
// unescapes: the WHATWG UTF-8 decoder, which replaces each maximal invalid
// subpart with one U+FFFD. So a truncated sequence such as E2 82 gives one
// U+FFFD where Go's utf8.DecodeRune gives one per byte. A BOM is kept, as in
// Node. StringDecoder carries a sequence split across chunks over, so
// decoding the whole body at once gives the same text.
func toUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			sb.WriteByte(c)
			i++
			continue
		}
		need, lower, upper, cp := 0, byte(0x80), byte(0xBF), rune(0)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need, cp = 1, rune(c&0x1F)
		case c >= 0xE0 && c <= 0xEF:
			need, cp = 2, rune(c&0x0F)
			if c == 0xE0 {
				lower = 0xA0
			} else if c == 0xED {
				upper = 0x9F // no surrogates
			}
		case c >= 0xF0 && c <= 0xF4:
			need, cp = 3, rune(c&0x07)
			if c == 0xF0 {
				lower = 0x90
			} else if c == 0xF4 {
				upper = 0x8F // nothing above U+10FFFF
			}
		default:
			sb.WriteRune(utf8.RuneError)
			i++
			continue
		}
		j, ok := i+1, true
		for k := 0; k < need; k++ {
			if j >= len(b) || b[j] < lower || b[j] > upper {
				ok = false
				break
			}
			cp = cp<<6 | rune(b[j]&0x3F)
			lower, upper = 0x80, 0xBF
			j++
		}
		if ok {
			sb.WriteRune(cp)
		} else {
			sb.WriteRune(utf8.RuneError) // the maximal subpart b[i:j]; b[j] is looked at again
		}
		i = j
	}
	return sb.String()
}
