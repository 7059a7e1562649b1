package script

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Stacks and positions in errors, written as Node writes them ("    at fn
// (file:line:col)") in the script's own coordinates, counted as V8 counts.
// goja differs in two ways: its columns count bytes where V8 counts UTF-16
// code units (so an "é" earlier on the line shifts goja's column by one),
// and a call's frame points at the call's "(" where V8 points at the
// callee's last name (`o.method()` is at "method", `inner()` at "inner").

// sourceLines indexes a source by line the way goja's file.File does: \n,
// \r\n, a lone \r, U+2028 and U+2029 end a line.
type sourceLines struct {
	src    string
	starts []int // byte offset of each line's start
}

func newSourceLines(src string) *sourceLines {
	s := &sourceLines{src: src, starts: []int{0}}
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

// utf16Column turns goja's byte column on line into V8's UTF-16 column.
func (s *sourceLines) utf16Column(line, col int) int {
	start, ok := s.offset(line, 1)
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

func (s *sourceLines) offset(line, col int) (int, bool) {
	if line < 1 || line > len(s.starts) || col < 1 {
		return 0, false
	}
	off := s.starts[line-1] + col - 1
	return off, off <= len(s.src)
}

// callSite moves a frame position that goja puts on a call's "(" back to the
// start of the callee's last name, where V8 puts it. Other positions, and
// callees that are not a name (`(f)()`, `f()()`), are left as they are.
func (s *sourceLines) callSite(line, col int) (int, int) {
	off, ok := s.offset(line, col)
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

// framePosition maps a frame's goja position in the wrapped script to V8's
// in the script's own coordinates.
func (p *Program) framePosition(line, col int) (int, int) {
	line, col = p.lines.callSite(line, col)
	return scriptPosition(line, p.lines.utf16Column(line, col))
}

// errorPosition maps a syntax error's goja position likewise (no call-site move).
func (p *Program) errorPosition(line, col int) (int, int) {
	return scriptPosition(line, p.lines.utf16Column(line, col))
}

func firstFrames(fs []goja.StackFrame, n int) []goja.StackFrame {
	if len(fs) > n {
		return fs[:n]
	}
	return fs
}

// formatFrames writes a stack the way Node does ("    at fn (file:line:col)"),
// in the script's own coordinates.
func (r *runner) formatFrames(frames []goja.StackFrame) string {
	var b strings.Builder
	for _, f := range frames {
		pos := f.Position()
		name := f.FuncName()
		if pos.Filename == "" && pos.Line == 0 {
			fmt.Fprintf(&b, "    at %s (native)\n", name)
			continue
		}
		line, col := pos.Line, pos.Column
		if pos.Filename == r.prog.filename {
			line, col = r.prog.framePosition(line, col)
		}
		if name == "<anonymous>" || name == "" {
			fmt.Fprintf(&b, "    at %s:%d:%d\n", pos.Filename, line, col)
		} else {
			fmt.Fprintf(&b, "    at %s (%s:%d:%d)\n", name, pos.Filename, line, col)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// callerPosition says where the JS code calling into Go is, as "file:line:col".
func (r *runner) callerPosition() string {
	for _, f := range r.vm.CaptureCallStack(3, nil) {
		pos := f.Position()
		if pos.Filename == "" {
			continue
		}
		line, col := pos.Line, pos.Column
		if pos.Filename == r.prog.filename {
			line, col = r.prog.framePosition(line, col)
		}
		return fmt.Sprintf("%s:%d:%d", pos.Filename, line, col)
	}
	return ""
}

// gojaFrame matches a frame of goja's own stack text: "at fn (file:line:col(pc))".
var gojaFrame = regexp.MustCompile(`at (?:(\S+) \()?([^\s()]+):(\d+):(\d+)\(\d+\)\)?`)

// cleanStack rewrites an Error's stack property into Node's frame format in
// the script's own coordinates.
func (r *runner) cleanStack(stack string) string {
	return gojaFrame.ReplaceAllStringFunc(stack, func(m string) string {
		p := gojaFrame.FindStringSubmatch(m)
		line, _ := strconv.Atoi(p[3])
		col, _ := strconv.Atoi(p[4])
		if p[2] == r.prog.filename {
			line, col = r.prog.framePosition(line, col)
		}
		if p[1] == "" {
			return fmt.Sprintf("at %s:%d:%d", p[2], line, col)
		}
		return fmt.Sprintf("at %s (%s:%d:%d)", p[1], p[2], line, col)
	})
}
