package jsondiff

import (
	"encoding/json"
	"math/big"
	"unicode/utf8"
)

// parseBytes reads a valid JSON document (json.Valid) into a value, as
// parseTokens does but without a token per value: the bytes are walked
// directly, strings without escapes are taken as they are, and the raw JSON of
// objects and arrays is left to rawJSON. Its values equal parseTokens's.
func parseBytes(data []byte) *value {
	p := byteParser{data: data}
	return p.value()
}

type byteParser struct {
	data []byte
	i    int
}

func (p *byteParser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

func (p *byteParser) value() *value {
	p.space()
	switch c := p.data[p.i]; c {
	case '{':
		v := &value{typ: "object"}
		p.i++
		for {
			p.space()
			switch p.data[p.i] {
			case '}':
				p.i++
				return v
			case ',':
				p.i++
				p.space()
			}
			key := p.str()
			p.space()
			p.i++ // ':'
			v.members = append(v.members, member{key, p.value()})
		}
	case '[':
		v := &value{typ: "array"}
		p.i++
		for {
			p.space()
			switch p.data[p.i] {
			case ']':
				p.i++
				return v
			case ',':
				p.i++
			}
			v.items = append(v.items, p.value())
		}
	case '"':
		return &value{typ: "string", str: p.str()} // raw: rawJSON
	case 't':
		p.i += len("true")
		return &value{typ: "boolean", boolean: true, raw: json.RawMessage("true")}
	case 'f':
		p.i += len("false")
		return &value{typ: "boolean", raw: json.RawMessage("false")}
	case 'n':
		p.i += len("null")
		return &value{typ: "null", raw: json.RawMessage("null")}
	}
	start := p.i
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			goto done
		}
		p.i++
	}
done:
	text := string(p.data[start:p.i])
	// As parseTokens: the number's text, by value at 256 bits. A valid JSON
	// number always parses.
	f, _, _ := big.ParseFloat(text, 10, 256, big.ToNearestEven)
	return &value{typ: "number", num: f, raw: json.RawMessage(text)}
}

// str reads the string at p.i. One without escapes in valid UTF-8 is its
// bytes; anything else goes through encoding/json, as a token would (escapes
// decoded, invalid UTF-8 replaced by U+FFFD).
func (p *byteParser) str() string {
	start := p.i
	plain := true
	for p.i++; ; p.i++ {
		c := p.data[p.i]
		if c == '\\' {
			plain = false
			p.i++
			continue
		}
		if c == '"' {
			break
		}
		if c >= utf8.RuneSelf {
			plain = false
		}
	}
	p.i++
	q := p.data[start:p.i]
	if plain || utf8.Valid(q) && !hasBackslash(q) {
		return string(q[1 : len(q)-1])
	}
	var s string
	_ = json.Unmarshal(q, &s)
	return s
}

func hasBackslash(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}
