package script

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/v8"
)

// v8Text translates an error's "Name: message" line thrown at the frame at
// (goja's coordinates); see v8Error.
func (h *host) v8Text(text, file string, line, col int) string {
	before, at := "", ""
	switch file {
	case h.prog.filename:
		before, at = h.prog.lines.Split(line, col)
	case oauthHelpersFile: // node-oauth's own JavaScript (oauth_helpers.go)
		before, at = oauthHelpersLines.Split(line, col)
	}
	return v8.ErrorText(text, before, at)
}

// v8Exception translates the error line of a thrown error by its first frame.
func (h *host) v8Exception(text string, frames []goja.StackFrame) string {
	if len(frames) == 0 {
		return v8.ErrorText(text, "", "")
	}
	p := frames[0].Position()
	return h.v8Text(text, p.Filename, p.Line, p.Column)
}

// v8Stacked translates the error line of an Error by the first frame of its
// (goja) stack property text. When that frame is not in the script (a native
// such as map threw), the call forms are left alone.
func (h *host) v8Stacked(text, stack string) string {
	var m []string
	for _, l := range strings.Split(stack, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "at ") {
			m = gojaFrame.FindStringSubmatch(l)
			break
		}
	}
	if m == nil {
		return v8.ErrorText(text, "", "")
	}
	line, _ := strconv.Atoi(m[3])
	col, _ := strconv.Atoi(m[4])
	return h.v8Text(text, m[2], line, col)
}
