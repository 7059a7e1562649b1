package v8

import (
	"regexp"
	"sort"
	"strings"
)

// goja's parser words and places some syntax errors differently from V8
// (Node 22's V8 12.4, checked by internal/script's
// TestSyntaxErrorsMatchNode):
//
//   - it reports some unexpected tokens at the token after the offending one
//     (`{a: 1,, b: 2}` at "b", parser.parsePropertyKey calls next() before
//     errorUnexpectedToken); V8 at the offending token;
//   - it writes tokens bare ("Unexpected token ,"), V8 quotes them
//     ("Unexpected token ','");
//   - "Unexpected token ILLEGAL" is V8's "Invalid or unexpected token";
//   - V8 12 names the identifier: "Unexpected identifier 'c'" (V8 10.2,
//     Node 18, does not: docs/node-runtime.md "V8 messages and the agent").

var unexpectedToken = regexp.MustCompile(`^Unexpected token (\S+)$`)

// SyntaxText returns V8's message and position for goja's syntax error msg
// at goja's (line, col) of the source s, and the length of the token V8
// underlines (at least 1).
func (s *Source) SyntaxText(msg string, line, col int) (string, int, int, int) {
	off, ok := s.Offset(line, col)
	if !ok {
		return msg, line, col, 1
	}
	switch {
	case msg == "Unexpected token ILLEGAL":
		return "Invalid or unexpected token", line, col, illegalWidth(s.src[off:])
	case msg == "Unexpected identifier":
		if name := leadName.FindString(s.src[off:]); name != "" {
			return "Unexpected identifier '" + name + "'", line, col, len(name)
		}
	}
	m := unexpectedToken.FindStringSubmatch(msg)
	if m == nil {
		return msg, line, col, max(len(leadName.FindString(s.src[off:])), 1)
	}
	tok := m[1]
	if !strings.HasPrefix(s.src[off:], tok) {
		// The token before, across white space and line breaks.
		i := off
		for i > 0 && strings.ContainsRune(" \t\r\n", rune(s.src[i-1])) {
			i--
		}
		if strings.HasSuffix(s.src[:i], tok) {
			line, col = s.Position(i - len(tok))
		}
	}
	return "Unexpected token '" + tok + "'", line, col, len(tok)
}

// Position is goja's (line, byte column) of the byte offset off.
func (s *Source) Position(off int) (int, int) {
	i := sort.Search(len(s.starts), func(i int) bool { return s.starts[i] > off }) - 1
	return i + 1, off - s.starts[i] + 1
}

// Line is the text of line (1-based) without its line break; "" outside.
func (s *Source) Line(line int) string {
	if line < 1 || line > len(s.starts) {
		return ""
	}
	end := len(s.src)
	if line < len(s.starts) {
		end = s.starts[line]
	}
	return strings.TrimRight(s.src[s.starts[line-1]:end], "\r\n\u2028\u2029")
}

// illegalWidth is how much of an invalid token V8 underlines: an
// unterminated string to the end of its line, a bad number its digits.
func illegalWidth(at string) int {
	end := strings.IndexAny(at, "\r\n\u2028\u2029")
	if end < 0 {
		end = len(at)
	}
	switch {
	case at == "":
		return 1
	case at[0] == '\'' || at[0] == '"':
		return max(len([]rune(at[:end])), 1)
	case at[0] >= '0' && at[0] <= '9':
		n := 0
		for n < end && at[n] >= '0' && at[n] <= '9' {
			n++
		}
		return n
	}
	return 1
}
