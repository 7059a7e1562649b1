package v8

import (
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Source indexes a source by line the way goja's file.File does: \n,
// \r\n, a lone \r, U+2028 and U+2029 end a line.
type Source struct {
	src    string
	starts []int // byte offset of each line's start
}

func NewSource(src string) *Source {
	s := &Source{src: src, starts: []int{0}}
	for i := 0; i < len(src); {
		c, n := utf8.DecodeRuneInString(src[i:])
		switch {
		case c == '\r' && i+1 < len(src) && src[i+1] == '\n':
			n = 2
			fallthrough
		case c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029':
			s.starts = append(s.starts, i+n)
		}
		i += n
	}
	return s
}

// UTF16Column turns goja's byte column on line into V8's UTF-16 column.
func (s *Source) UTF16Column(line, col int) int {
	start, ok := s.Offset(line, 1)
	if !ok {
		return col
	}
	end := min(start+col-1, len(s.src))
	n := 0
	for _, c := range s.src[start:end] {
		n += len(utf16.Encode([]rune{c}))
	}
	return n + 1
}

// Offset is the byte offset of goja's (line, col); ok is false outside the source.
func (s *Source) Offset(line, col int) (int, bool) {
	if line < 1 || line > len(s.starts) || col < 1 {
		return 0, false
	}
	off := s.starts[line-1] + col - 1
	return off, off <= len(s.src)
}

// CallSite moves a frame position that goja puts on a call's "(" back to the
// start of the callee's last name, where V8 puts it. Other positions, and
// callees that are not a name (`(f)()`, `f()()`), are left as they are.
func (s *Source) CallSite(line, col int) (int, int) {
	off, ok := s.Offset(line, col)
	if !ok || off >= len(s.src) || s.src[off] != '(' {
		return line, col
	}
	i := off
	for i > s.starts[line-1] && (s.src[i-1] == ' ' || s.src[i-1] == '\t') {
		i--
	}
	end := i
	for i > s.starts[line-1] {
		c, n := utf8.DecodeLastRuneInString(s.src[s.starts[line-1]:i])
		if c != '_' && c != '$' && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			break
		}
		i -= n
	}
	if i == end || unicode.IsDigit(rune(s.src[i])) || isKeywordBefore(s.src[i:end]) {
		return line, col
	}
	return line, i - s.starts[line-1] + 1
}

// isKeywordBefore reports names after which "(" is not a call.
func isKeywordBefore(name string) bool {
	switch name {
	case "if", "while", "for", "switch", "catch", "function", "return", "typeof", "void", "delete", "in", "of", "new", "await", "yield":
		return true
	}
	return false
}

// Split returns the source on line before goja's (line, col) and from it to
// the end of the line (the line break included); both are "" outside the
// source. ErrorText reads the callee from them.
func (s *Source) Split(line, col int) (before, at string) {
	off, ok := s.Offset(line, col)
	if !ok {
		return "", ""
	}
	start, end := s.starts[line-1], len(s.src)
	if line < len(s.starts) {
		end = s.starts[line]
	}
	if off >= end {
		return "", ""
	}
	return s.src[start:off], s.src[off:end]
}
