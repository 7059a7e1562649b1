package script

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// Stacks and positions in errors, written as Node writes them ("    at fn
// (file:line:col)") in the script's own coordinates, counted as V8 counts.
// goja differs in two ways: its columns count bytes where V8 counts UTF-16
// code units (so an "é" earlier on the line shifts goja's column by one),
// and a call's frame points at the call's "(" where V8 points at the
// callee's last name (`o.method()` is at "method", `inner()` at "inner").

// framePosition maps a frame's goja position in the wrapped script to V8's
// in the script's own coordinates.
func (p *Program) framePosition(line, col int) (int, int) {
	line, col = p.lines.CallSite(line, col)
	return scriptPosition(line, p.lines.UTF16Column(line, col))
}

// errorPosition maps a syntax error's goja position likewise (no call-site move).
func (p *Program) errorPosition(line, col int) (int, int) {
	return scriptPosition(line, p.lines.UTF16Column(line, col))
}

func firstFrames(fs []goja.StackFrame, n int) []goja.StackFrame {
	if len(fs) > n {
		return fs[:n]
	}
	return fs
}

// formatFrames writes a stack the way Node does ("    at fn (file:line:col)"),
// in the script's own coordinates.
func (h *host) formatFrames(frames []goja.StackFrame) string {
	var b strings.Builder
	for _, f := range frames {
		pos := f.Position()
		name := f.FuncName()
		if pos.Filename == "" && pos.Line == 0 {
			fmt.Fprintf(&b, "    at %s (native)\n", name)
			continue
		}
		line, col := pos.Line, pos.Column
		if pos.Filename == h.prog.filename {
			line, col = h.prog.framePosition(line, col)
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
func (h *host) callerPosition() string {
	for _, f := range h.vm.CaptureCallStack(3, nil) {
		pos := f.Position()
		if pos.Filename == "" {
			continue
		}
		line, col := pos.Line, pos.Column
		if pos.Filename == h.prog.filename {
			line, col = h.prog.framePosition(line, col)
		}
		return fmt.Sprintf("%s:%d:%d", pos.Filename, line, col)
	}
	return ""
}

// gojaFrame matches a frame of goja's own stack text: "at fn (file:line:col(pc))".
var gojaFrame = regexp.MustCompile(`at (?:(\S+) \()?([^\s()]+):(\d+):(\d+)\(\d+\)\)?`)

// cleanStack rewrites an Error's stack property into Node's frame format in
// the script's own coordinates.
func (h *host) cleanStack(stack string) string {
	return gojaFrame.ReplaceAllStringFunc(stack, func(m string) string {
		p := gojaFrame.FindStringSubmatch(m)
		line, _ := strconv.Atoi(p[3])
		col, _ := strconv.Atoi(p[4])
		if p[2] == h.prog.filename {
			line, col = h.prog.framePosition(line, col)
		}
		if p[1] == "" {
			return fmt.Sprintf("at %s:%d:%d", p[2], line, col)
		}
		return fmt.Sprintf("at %s (%s:%d:%d)", p[1], p[2], line, col)
	})
}
