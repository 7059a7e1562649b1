package v8

import (
	"fmt"
	"unicode/utf16"
)

// JSONError returns the message rt's V8 throws for JSON.parse of src, or ""
// when V8 would accept it. It follows src/json/json-parser.cc: the first
// error found while scanning, its position in UTF-16 code units, and
// LookUpErrorMessageForJsonToken's context snippets (V8 11.3, Node 20), then
// words it as rt's V8 does (jsonWording).
func JSONError(src []uint16, rt Runtime) string {
	p := &v8JSON{src: src, at: -1}
	p.value()
	if p.msg == "" {
		p.skipWS()
		if p.pos < len(src) {
			p.failAt("Unexpected non-whitespace character after JSON at position %d")
		}
	}
	return p.wording(rt)
}

// v8JSON is a JSON scanner that stops at the first error, as V8's does.
type v8JSON struct {
	src []uint16
	pos int
	msg string
	at  int // the position the error is at; -1 when none was found
}

const eos = -1

func (p *v8JSON) peek() int {
	if p.pos >= len(p.src) {
		return eos
	}
	return int(p.src[p.pos])
}

func (p *v8JSON) skipWS() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// failAt reports one of V8's positional messages at the cursor.
func (p *v8JSON) failAt(format string) {
	if p.msg == "" {
		p.msg = fmt.Sprintf(format, p.pos)
		p.at = p.pos
	}
}

// unexpected is ReportUnexpectedCharacter/LookUpErrorMessageForJsonToken for
// the character at the cursor (json-parser.cc).
func (p *v8JSON) unexpected() {
	if p.msg != "" {
		return
	}
	p.at = p.pos
	c := p.peek()
	switch {
	case c == eos:
		p.msg = "Unexpected end of JSON input"
		return
	case c == '"':
		p.failAt("Unexpected string in JSON at position %d")
		return
	case c == '-' || (c >= '0' && c <= '9'):
		p.failAt("Unexpected number in JSON at position %d")
		return
	}
	whole := string(utf16.Decode(p.src))
	switch whole {
	case "[object Object]", "undefined", "Infinity", "NaN": // IsSpecialString
		p.msg = fmt.Sprintf("%q is not valid JSON", whole)
		return
	}
	token := string(utf16.Decode([]uint16{uint16(c)}))
	const ctx = 10 // kMaxContextCharacters
	n := len(p.src)
	sub := func(a, b int) string { return string(utf16.Decode(p.src[a:b])) }
	switch {
	case n < 2*ctx+1:
		p.msg = fmt.Sprintf(`Unexpected token '%s', "%s" is not valid JSON`, token, whole)
	case p.pos < ctx:
		p.msg = fmt.Sprintf(`Unexpected token '%s', "%s"... is not valid JSON`, token, sub(0, p.pos+ctx))
	case p.pos < n-ctx:
		p.msg = fmt.Sprintf(`Unexpected token '%s', ..."%s"... is not valid JSON`, token, sub(p.pos-ctx, p.pos+ctx))
	default:
		p.msg = fmt.Sprintf(`Unexpected token '%s', ..."%s" is not valid JSON`, token, sub(p.pos-ctx, n))
	}
}

// value scans one JSON value (ParseJsonValue).
func (p *v8JSON) value() {
	p.skipWS()
	switch c := p.peek(); {
	case c == '"':
		p.pos++
		p.str()
	case c == '-' || (c >= '0' && c <= '9'):
		p.number()
	case c == '{':
		p.pos++
		p.object()
	case c == '[':
		p.pos++
		p.array()
	case c == 't':
		p.literal("true")
	case c == 'f':
		p.literal("false")
	case c == 'n':
		p.literal("null")
	default:
		p.unexpected()
	}
}

// expect consumes c after whitespace, or fails with format.
func (p *v8JSON) expect(c int, format string) bool {
	p.skipWS()
	if p.peek() != c {
		p.failAt(format)
		return false
	}
	p.pos++
	return true
}

func (p *v8JSON) check(c int) bool {
	p.skipWS()
	if p.peek() == c {
		p.pos++
		return true
	}
	return false
}

func (p *v8JSON) object() {
	if p.check('}') {
		return
	}
	if !p.expect('"', "Expected property name or '}' in JSON at position %d") {
		return
	}
	for {
		if p.str(); p.msg != "" {
			return
		}
		if !p.expect(':', "Expected ':' after property name in JSON at position %d") {
			return
		}
		if p.value(); p.msg != "" {
			return
		}
		if !p.check(',') {
			p.expect('}', "Expected ',' or '}' after property value in JSON at position %d")
			return
		}
		if !p.expect('"', "Expected double-quoted property name in JSON at position %d") {
			return
		}
	}
}

func (p *v8JSON) array() {
	if p.check(']') {
		return
	}
	for {
		if p.value(); p.msg != "" {
			return
		}
		if !p.check(',') {
			p.expect(']', "Expected ',' or ']' after array element in JSON at position %d")
			return
		}
	}
}

// str scans a string after its opening quote (ScanJsonString).
func (p *v8JSON) str() {
	for {
		c := p.peek()
		switch {
		case c == eos:
			p.failAt("Unterminated string in JSON at position %d")
			return
		case c == '"':
			p.pos++
			return
		case c < 0x20:
			p.failAt("Bad control character in string literal in JSON at position %d")
			return
		case c != '\\':
			p.pos++
			continue
		}
		p.pos++ // the backslash
		switch e := p.peek(); e {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			p.pos++
		case 'u':
			for i := 0; i < 4; i++ {
				p.pos++
				if !isHexUnit(p.peek()) {
					p.failAt("Bad Unicode escape in JSON at position %d")
					return
				}
			}
			p.pos++
		default:
			if e == eos || e > 0xFF {
				p.unexpected()
			} else {
				p.failAt("Bad escaped character in JSON at position %d")
			}
			return
		}
	}
}

func isHexUnit(c int) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func isDigitUnit(c int) bool { return c >= '0' && c <= '9' }

// number scans a number (ParseJsonNumber).
func (p *v8JSON) number() {
	if p.peek() == '-' {
		p.pos++
		if !isDigitUnit(p.peek()) {
			p.failAt("No number after minus sign in JSON at position %d")
			return
		}
	}
	if p.peek() == '0' {
		p.pos++
		if isDigitUnit(p.peek()) {
			p.unexpected() // a leading zero: "Unexpected number"
			return
		}
	} else {
		for isDigitUnit(p.peek()) {
			p.pos++
		}
	}
	if p.peek() == '.' {
		p.pos++
		if !isDigitUnit(p.peek()) {
			p.failAt("Unterminated fractional number in JSON at position %d")
			return
		}
		for isDigitUnit(p.peek()) {
			p.pos++
		}
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.pos++
		if c := p.peek(); c == '+' || c == '-' {
			p.pos++
		}
		if !isDigitUnit(p.peek()) {
			p.failAt("Exponent part is missing a number in JSON at position %d")
			return
		}
		for isDigitUnit(p.peek()) {
			p.pos++
		}
	}
}

// literal scans true, false or null (ScanLiteral): the first wrong character
// is unexpected; running out is the end of input.
func (p *v8JSON) literal(word string) {
	p.pos++
	for i := 1; i < len(word); i++ {
		if p.peek() == eos {
			p.unexpected()
			return
		}
		if p.peek() != int(word[i]) {
			p.unexpected()
			return
		}
		p.pos++
	}
}
