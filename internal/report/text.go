package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/jsondiff"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
)

// TextOptions shape the human report.
type TextOptions struct {
	Color   bool // ANSI colours: only when stdout is a terminal
	Verbose bool // details of passing cases too (profile, console, requests, mock log)
	// Sources maps a script's file name, as its stack frames name it, to its
	// source, so that a failure shows the line its stack points at.
	Sources map[string]string
}

const (
	red    = "\x1b[31m"
	green  = "\x1b[32m"
	yellow = "\x1b[33m"
	dim    = "\x1b[2m"
	reset  = "\x1b[0m"
)

type painter bool

func (p painter) paint(color, s string) string {
	if !p {
		return s
	}
	return color + s + reset
}

// WriteText writes the human report: one line per case with its time, the
// details of each failure (diff, outcome and stack, console, the mock's request
// log), and last the line "N passed, N failed".
func WriteText(w io.Writer, r *Report, opts TextOptions) error {
	r = forTerminal(r) // control characters from scripts and JIRA shown escaped (termsafe.go)
	var b bytes.Buffer
	p := painter(opts.Color)
	if len(r.ScriptFindings) > 0 {
		fmt.Fprintf(&b, "script %s:\n", r.Script)
		for _, f := range r.ScriptFindings {
			fmt.Fprintf(&b, "    %s\n", paintFinding(p, f))
		}
	}
	if r.SyntaxError != "" {
		writeSyntaxError(&b, r, p)
		_, err := w.Write(b.Bytes())
		return err
	}
	width := 0
	for _, c := range r.Cases {
		width = max(width, len(c.Name))
	}
	for _, c := range r.Cases {
		status := p.paint(green, "ok  ")
		if c.Status != Pass {
			status = p.paint(red, "FAIL")
		}
		fmt.Fprintf(&b, "%s %-*s %8s\n", status, width, c.Name, Duration(c.Duration))
		if c.Status != Pass || opts.Verbose {
			writeDetails(&b, c, p, "     ", opts.Sources)
		} else {
			for _, f := range c.Findings {
				fmt.Fprintf(&b, "     %s\n", paintFinding(p, f))
			}
		}
	}
	s := r.Summary
	if s.Total > 0 && s.Duration > 0 {
		fmt.Fprintf(&b, "%s in %s (%.0f cases/s)\n", plural(s.Total, "case"), Duration(s.Duration), float64(s.Total)/s.Duration.Seconds())
	}
	if profile.HasErrors(r.ScriptFindings, r.Strict) {
		// The cases may all pass while the script itself cannot be
		// published: say so next to the count, not only at the top.
		fmt.Fprintf(&b, "%s the script %s fails its own checks (see the top of the report)\n", p.paint(red, "FAIL"), r.Script)
	}
	// The failed cases again, by name, as `go test` closes with its
	// "--- FAIL: TestX (0.00s)" lines, so a long report need not be scrolled.
	for _, c := range r.Cases {
		if c.Status != Pass {
			fmt.Fprintf(&b, "--- FAIL: %s (%s)\n", c.Name, Duration(c.Duration))
		}
	}
	fmt.Fprintf(&b, "%d passed, %d failed\n", s.Passed, s.Failed)
	_, err := w.Write(b.Bytes())
	return err
}

// writeSyntaxError is the report of a script that does not compile: the
// error once, as Node prints it, then each case's verdict on one line (a case
// may expect the syntax outcome), and no rate: no case ran.
func writeSyntaxError(b *bytes.Buffer, r *Report, p painter) {
	fmt.Fprintf(b, "%s the script %s does not compile:\n", p.paint(red, "FAIL"), r.Script)
	for _, l := range splitLines(r.SyntaxError) {
		if l == "" {
			b.WriteString("\n")
			continue
		}
		fmt.Fprintf(b, "     %s\n", l)
	}
	for _, c := range r.Cases {
		status := p.paint(green, "ok  ")
		if c.Status != Pass {
			status = p.paint(red, "FAIL")
		}
		fmt.Fprintf(b, "%s %s\n", status, c.Name)
	}
	fmt.Fprintf(b, "the script did not compile: none of the %s ran\n", plural(r.Summary.Total, "case"))
	fmt.Fprintf(b, "%d passed, %d failed\n", r.Summary.Passed, r.Summary.Failed)
}

// Details is the explanation of one case as plain text: what JUnit's failure
// element carries.
func Details(c *Case) string {
	var b bytes.Buffer
	writeDetails(&b, c, false, "", nil)
	return b.String()
}

func writeDetails(b *bytes.Buffer, c *Case, p painter, in string, sources map[string]string) {
	line := func(format string, args ...any) { fmt.Fprintf(b, in+format+"\n", args...) }
	if c.Description != "" {
		line("%s", p.paint(dim, c.Description))
	}
	for _, f := range c.Failures {
		line("%s %s", p.paint(red, "✗"), f)
	}
	// A failure's reasons already say what was wanted (the expected outcome,
	// the regexp, the profile's diff), so "want:" is for a case that passed
	// and is shown in full (-v).
	if len(c.Failures) == 0 && len(c.Diff) == 0 {
		line("want: %s", describeExpect(c))
	}
	if res := c.Result; res != nil {
		if res.Error != nil {
			line("got:  %s: %s", res.Error.Kind, res.Error.Message)
			shown := false
			for i, s := range splitLines(res.Error.Stack) {
				if i == 0 && s == res.Error.Message {
					continue // the stack repeats the message
				}
				line("        %s", strings.TrimLeft(s, " \t")) // "\tat" and "    at" alike
				if !shown {
					if src, caret := SourceAt(s, sources); src != "" {
						line("          %s", p.paint(dim, src))
						line("          %s", caret)
						shown = true
					}
				}
			}
			if len(res.Error.Value) > 0 {
				line("      err = %s", res.Error.Value)
			}
		} else if len(c.Diff) == 0 {
			if c.Status == Pass && len(c.Expect.Profile) > 0 {
				line("got:  %s, the expected one", res.Outcome)
			} else {
				line("got:  %s", res.Outcome)
			}
		}
	}
	if len(c.Diff) > 0 {
		line("diff (- expected only, + actual only, ~ changed, ! type changed):")
		for _, ch := range c.Diff {
			line("  %s", paintChange(p, ch))
		}
	} else if c.Result != nil && len(c.Result.Profile) > 0 && (c.Status != Pass || len(c.Expect.Profile) == 0) {
		line("profile: %s", c.Result.Profile)
	}
	if len(c.Findings) > 0 {
		line("findings:")
		for _, f := range c.Findings {
			line("  %s", paintFinding(p, f))
		}
	}
	if c.Result != nil && len(c.Result.Console) > 0 {
		line("console:")
		for _, l := range c.Result.Console {
			for _, t := range splitLines(l.Text) {
				line("  %-5s %s", l.Level, t)
			}
		}
	}
	if c.Result != nil && len(c.Result.Requests) > 0 {
		line("requests:")
		for _, r := range c.Result.Requests {
			if r.MappedTo != "" {
				r.URL += " (mapped to " + r.MappedTo + ")"
			}
			switch {
			case r.Error != "":
				line("  %s %s -> %s", r.Method, r.URL, p.paint(red, r.Error))
			default:
				line("  %s %s -> %d", r.Method, r.URL, r.Status)
			}
		}
	}
	if len(c.Mock) > 0 {
		line("mock log:")
		for _, e := range c.Mock {
			verdict := e.Verdict
			if verdict != "ok" {
				verdict = p.paint(red, verdict)
			}
			// "-> 400, OAuth ok": the status the mock answered, then its
			// verdict on the request's OAuth parameters, so that an OAuth
			// "ok" is not read as the request's outcome.
			status := fmt.Sprint(e.Status)
			if e.Status == 0 {
				status = "no answer"
			}
			s := fmt.Sprintf("  %s %s -> %s, OAuth %s", e.Method, e.Path, status, verdict)
			if e.Detail != "" {
				s += " (" + e.Detail + ")"
			}
			line("%s", s)
		}
	}
}

func describeExpect(c *Case) string {
	switch {
	case c.Expect.Error != nil:
		s := "error " + string(c.Expect.Error.Kind)
		if c.Expect.Error.Message != nil {
			s += " matching /" + c.Expect.Error.Message.String() + "/"
		}
		return s
	case len(c.Expect.Profile) > 0:
		return "profile " + shorten(compactJSON(c.Expect.Profile), maxWant)
	}
	return "(nothing)"
}

func paintChange(p painter, ch Change) string {
	path := ch.Path
	if path == "" {
		path = "(the profile)"
	}
	switch ch.Kind {
	case Missing:
		return p.paint(red, "- "+path+": "+string(ch.Expected)) + " (missing)"
	case Added:
		return p.paint(green, "+ "+path+": "+string(ch.Actual)) + " (added)"
	case TypeChanged:
		return p.paint(yellow, fmt.Sprintf("! %s: %s (%s) -> %s (%s)", path, ch.Expected, typeOf(ch.Expected), ch.Actual, typeOf(ch.Actual)))
	}
	return p.paint(yellow, fmt.Sprintf("~ %s: %s -> %s", path, ch.Expected, ch.Actual))
}

func paintFinding(p painter, f profile.Finding) string {
	if f.Severity == profile.SeverityError {
		return p.paint(red, f.String())
	}
	return p.paint(yellow, f.String())
}

func typeOf(raw json.RawMessage) string { return jsondiff.TypeOf(raw) }

func compactJSON(raw json.RawMessage) string {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return string(raw)
	}
	return b.String()
}

func splitLines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// Duration formats d for people: 850µs, 12.3ms, 1.25s.
func Duration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return d.Round(time.Microsecond).String()
	case d < time.Second:
		return d.Round(100 * time.Microsecond).String()
	}
	return d.Round(10 * time.Millisecond).String()
}

// plural is "1 case", "2 cases".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// frameRe finds the file, line and column of a JS stack frame: goja writes
// "at file:12:58(5)" and "at fn (file:12:58(5))".
var frameRe = regexp.MustCompile(`\bat (?:[^(]*\()?([^\s()]+):(\d+):(\d+)`)

// SourceAt returns the source line a stack frame points at, as "12 | code",
// and a caret under its column; "" when the frame names no known source.
func SourceAt(frame string, sources map[string]string) (src, caret string) {
	m := frameRe.FindStringSubmatch(frame)
	if m == nil {
		return "", ""
	}
	text, ok := sources[m[1]]
	if !ok {
		return "", ""
	}
	n, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	lines := strings.Split(text, "\n")
	if n < 1 || n > len(lines) {
		return "", ""
	}
	code := strings.ReplaceAll(strings.TrimRight(lines[n-1], "\r"), "\t", " ")
	prefix := fmt.Sprintf("%d | ", n)
	if col < 1 || col > len([]rune(code))+1 {
		return prefix + code, ""
	}
	return prefix + code, strings.Repeat(" ", len(prefix)+col-1) + "^"
}

// maxWant bounds the expected profile quoted on a "want:" line; the case file
// has all of it.
const maxWant = 160

// shorten cuts s to at most n runes, ending it with "…" when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
