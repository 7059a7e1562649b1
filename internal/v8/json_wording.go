package v8

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// wording turns the V8 11.3 message of a failed parse into rt's.
//
//   - Node 22 (V8 12.4) appends the line and column of the position to every
//     message that has one: "… in JSON at position 7 (line 1 column 8)"
//     (json-parser.cc, the kJsonParse…WithPosition templates and
//     CalculateFileLocation; Node 20's V8 11.3 has no line and column).
//   - Node 18 (V8 10.2) predates the rewrite of JSON.parse's messages (in
//     V8 between 10.2 and 11.3): it names only the token found where parsing stopped, in four
//     templates: kJsonParseUnexpectedEOS, kJsonParseUnexpectedTokenNumber,
//     kJsonParseUnexpectedTokenString and kJsonParseUnexpectedToken
//     (JsonParser::ReportUnexpectedToken).
//
// Both are checked against the real binaries by internal/script's
// TestJSONParseErrorsMatchNode.
func (p *v8JSON) wording(rt Runtime) string {
	if p.msg == "" {
		return ""
	}
	switch rt {
	case Node18:
		return p.node18()
	}
	if strings.Contains(p.msg, "JSON at position ") {
		line, col := p.lineColumn()
		return fmt.Sprintf("%s (line %d column %d)", p.msg, line, col)
	}
	return p.msg
}

// node18 is ReportUnexpectedToken of V8 10.2 for the character where the
// scan stopped.
func (p *v8JSON) node18() string {
	if p.at < 0 || p.at >= len(p.src) {
		return "Unexpected end of JSON input"
	}
	switch c := p.src[p.at]; {
	case c == '"':
		return fmt.Sprintf("Unexpected string in JSON at position %d", p.at)
	case c == '-' || (c >= '0' && c <= '9'):
		return fmt.Sprintf("Unexpected number in JSON at position %d", p.at)
	default:
		return fmt.Sprintf("Unexpected token %s in JSON at position %d", string(utf16.Decode(p.src[p.at:p.at+1])), p.at)
	}
}

// lineColumn is JsonParser::CalculateFileLocation of V8 12: lines end at
// \n, \r or \r\n (JSON's only line terminators); both count from 1.
func (p *v8JSON) lineColumn() (line, col int) {
	line, start := 1, 0
	for i := 0; i < p.at && i < len(p.src); i++ {
		c := p.src[i]
		if c == '\r' && i+1 < p.at && p.src[i+1] == '\n' {
			i++
			c = '\n'
		}
		if c == '\r' || c == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, p.at - start + 1
}
