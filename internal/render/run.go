package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/termsafe"
)

// runJSON is the --json object of a run: the script.Result plus the
// profile's findings.
type runJSON struct {
	*script.Result
	Findings []profile.Finding `json:"findings"`
}

// RunJSON writes a run's Result and the profile's findings as one object.
func RunJSON(w io.Writer, res *script.Result, findings []profile.Finding) error {
	if findings == nil {
		findings = []profile.Finding{}
	}
	return JSON(w, runJSON{res, findings})
}

// RunText is the human form of a run's Result: the console and requests on
// stderr, then the profile as indented JSON on stdout, or the failure
// (outcome, message, err value, stack and the line it points at) on stderr,
// and last the findings. sources (file name to source) lets a failure quote
// the line of its stack.
func RunText(stdout, stderr io.Writer, res *script.Result, findings []profile.Finding, sources map[string]string) {
	stderr = termsafe.Writer(stderr) // control characters from the script and JIRA shown escaped
	for _, l := range res.Console {
		fmt.Fprintf(stderr, "console.%s: %s\n", l.Level, strings.TrimRight(l.Text, "\n"))
	}
	for _, q := range res.Requests {
		line := fmt.Sprintf("request: %s %s", q.Method, q.URL)
		if q.Status != 0 {
			line += fmt.Sprintf(" -> %d", q.Status)
		}
		if q.Error != "" {
			line += " (" + q.Error + ")"
		}
		fmt.Fprintln(stderr, line)
	}
	if res.Outcome == script.KindProfile {
		// json.Indent keeps the script's key order and its characters.
		var b bytes.Buffer
		if err := json.Indent(&b, res.Profile, "", "  "); err == nil {
			fmt.Fprintln(stdout, b.String())
		} else {
			fmt.Fprintln(stdout, string(res.Profile))
		}
	} else if res.Error != nil {
		scriptError(stderr, res.Error, sources)
	}
	errs := 0
	for _, f := range findings {
		fmt.Fprintln(stderr, f.String())
		if f.Severity == profile.SeverityError {
			errs++
		}
	}
	if errs > 0 {
		fmt.Fprintf(stderr, "bridge: the profile breaks %d of Auth0's profile rules (the errors above): fix the script's mapping\n", errs)
	}
}

// scriptError writes a script's failure: kind and message, the value passed
// to the callback, the stack and the source line of its first frame in
// sources.
func scriptError(w io.Writer, e *script.Error, sources map[string]string) {
	fmt.Fprintf(w, "bridge: the script failed: %s: %s\n", e.Kind, e.Message)
	if len(e.Value) > 0 {
		fmt.Fprintf(w, "  err passed to cb: %s\n", e.Value)
	}
	// The stack's first line usually repeats the message: show it once.
	stack := strings.TrimPrefix(e.Stack, e.Message+"\n")
	if strings.TrimSpace(stack) == "" || stack == e.Message {
		return
	}
	fmt.Fprintln(w, indent(stack))
	for _, frame := range strings.Split(stack, "\n") {
		if src, caret := report.SourceAt(frame, sources); src != "" {
			fmt.Fprintf(w, "    %s\n", src)
			if caret != "" {
				fmt.Fprintf(w, "    %s\n", caret)
			}
			return
		}
	}
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "  " + strings.TrimLeft(l, " \t")
	}
	return strings.Join(lines, "\n")
}
