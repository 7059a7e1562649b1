package v8

import (
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
)

// TestErrorTextLeavesOthersAlone pins what ErrorText must not rewrite: messages
// whose V8 form it cannot know, and callees V8 names differently.
func TestErrorTextLeavesOthersAlone(t *testing.T) {
	for _, c := range []struct{ text, before, at string }{
		{"TypeError: Cannot convert undefined or null to object", "  a.b = ", "(1)"},
		{"TypeError: Cannot convert undefined or null to object", "  Object.keys", "(a)"},
		{"TypeError: Cannot convert undefined or null to object", "  a.b", "[k] = 1"},
		{"TypeError: Cannot convert undefined or null to object", "  a.", "b == 1"},
		{"TypeError: Cannot convert undefined or null to object", "  a", " = 1"},
		{"TypeError: Object has no member 'foo'", "  'abc'.foo", "()"},
		{"TypeError: Object has no member 'f'", "  g().a.f", "()"},
		{"TypeError: Object has no member 'f'", "  a[0].f", "()"},
		{"TypeError: Object has no member 'f'", "  a?.f", "()"},
		{"TypeError: Object has no member 'f'", "  a.g", "()"},
		{"TypeError: Value is not an object: 1", "", ""},
		{"TypeError: Value is not an object: 1", "  [].map", "(1)"[1:]},
		{"Error: Cannot read property 'x' of undefined", "", ""},
	} {
		assert.Equal(t, c.text, ErrorText(c.text, c.before, c.at), "%q at %q|%q", c.text, c.before, c.at)
	}
}

// TestErrorTextRewrites pins the rewrites whose V8 form internal/script's
// TestV8ErrorMessagesMatchNode checks under Node, with the source around the
// throw as goja reports it.
func TestErrorTextRewrites(t *testing.T) {
	for _, c := range []struct{ text, before, at, want string }{
		{"TypeError: Cannot read property 'x' of undefined", "", "", "TypeError: Cannot read properties of undefined (reading 'x')"},
		{"TypeError: Cannot read property 'x' of undefined or null", "  a.x", "()", "TypeError: Cannot read properties of undefined (reading 'x')"},
		{"URIError: Malformed URI", "", "", "URIError: URI malformed"},
		{"TypeError: Could not convert &{Object 0x1e55e409a030 map[toString:0x1e55e409a048]} (*goja.baseObject) to primitive", "", "",
			"TypeError: Cannot convert object to primitive value"},
		{"TypeError: Object has no member 'f'", "  a.b['f']", "()", "TypeError: a.b.f is not a function"},
		{"TypeError: Value is not an object: undefined", "  x = g", "(1)", "TypeError: g is not a function"},
		{"TypeError: Value is not an object: undefined", "  ", "new Foo.Bar()", "TypeError: Foo.Bar is not a constructor"},
		{"TypeError: Cannot convert undefined or null to object", "  a.", "b = 1", "TypeError: Cannot set properties of undefined (setting 'b')"},
		{"TypeError: Cannot convert undefined or null to object", "  a", "['k'] = 1", "TypeError: Cannot set properties of undefined (setting 'k')"},
	} {
		assert.Equal(t, c.want, ErrorText(c.text, c.before, c.at), "%q at %q|%q", c.text, c.before, c.at)
	}
}

// TestJSONError pins one message of each kind per runtime; internal/script's
// TestJSONParseErrorsMatchNode checks the full set against both real Nodes.
func TestJSONError(t *testing.T) {
	for _, c := range []struct {
		src            string
		node22, node18 string
	}{
		{`{"a":1}`, "", ""},
		{`{"a":1`, `Expected ',' or '}' after property value in JSON at position 6 (line 1 column 7)`, "Unexpected end of JSON input"},
		{"{\"a\":1,\r\n\"b\" 2}", `Expected ':' after property name in JSON at position 13 (line 2 column 5)`, "Unexpected number in JSON at position 13"},
		{`<html>`, `Unexpected token '<', "<html>" is not valid JSON`, "Unexpected token < in JSON at position 0"},
		{`{"a":1 "b"}`, `Expected ',' or '}' after property value in JSON at position 7 (line 1 column 8)`, "Unexpected string in JSON at position 7"},
		{``, "Unexpected end of JSON input", "Unexpected end of JSON input"},
	} {
		src := utf16.Encode([]rune(c.src))
		assert.Equal(t, c.node22, JSONError(src, Node22), "node22 JSON.parse(%q)", c.src)
		assert.Equal(t, c.node18, JSONError(src, Node18), "node18 JSON.parse(%q)", c.src)
	}
}

func TestSourceColumns(t *testing.T) {
	s := NewSource("var é = 1;\r\n  o.method(1);\u2028x")
	assert.Equal(t, 6, s.UTF16Column(1, 7), "é is two bytes but one UTF-16 unit")
	line, col := s.CallSite(2, 11)
	assert.Equal(t, []int{2, 5}, []int{line, col}, "a call's frame moves to the callee's last name")
	line, col = s.CallSite(2, 3)
	assert.Equal(t, []int{2, 3}, []int{line, col}, "a position not on '(' stays")
	before, at := s.Split(2, 11)
	assert.Equal(t, "  o.method", before)
	assert.Equal(t, "(1);\u2028", at)
	_, ok := s.Offset(4, 1)
	assert.False(t, ok, "no line 4")
}
