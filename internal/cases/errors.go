package cases

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is one problem in one case file, at a line and column (1-based; 0 when
// the problem is the file as a whole).
type Error struct {
	File         string
	Line, Column int
	Message      string // what is wrong and what to do
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
}

// ErrorList is every problem found while loading a suite, in file order. The
// CLI treats it as bad input (exit 2).
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	what, them := "a problem", "it"
	if len(l) > 1 {
		what, them = fmt.Sprintf("%d problems", len(l)), "them"
	}
	fmt.Fprintf(&b, "cases: %s in the case files; fix %s (see 'bridge test --help' for the format) and run again:", what, them)
	for _, e := range l {
		b.WriteString("\n  ")
		b.WriteString(e.Error())
	}
	return b.String()
}

// position turns a byte offset in data into a 1-based line and column; the
// column counts characters.
func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	line = 1
	lineStart := 0
	for i := 0; i < int(off); i++ {
		if data[i] == '\n' {
			line++
			lineStart = i + 1
		}
	}
	return line, utf8.RuneCount(data[lineStart:off]) + 1
}

// errAt makes an Error at offset off of data.
func errAt(file string, data []byte, off int64, format string, args ...any) *Error {
	line, col := position(data, off)
	return &Error{File: file, Line: line, Column: col, Message: fmt.Sprintf(format, args...)}
}
