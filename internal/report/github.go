package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
)

// GitHubOptions shape the GitHub Actions annotations.
type GitHubOptions struct {
	// ScriptFiles maps a script's name, as its stack frames name it, to the
	// path to annotate (relative to the repository root, as the runner wants
	// it). Missing: the report's Script names itself.
	ScriptFiles map[string]string
}

// WriteGitHub writes the report as GitHub Actions workflow commands
// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands,
// "Setting an error message" and "Setting a warning message"), one command a
// line, each at the start of its line:
//
//   - a failed case is `::error file=F,line=L,col=C,title=bridge test NAME::why`,
//     at the first frame of its error's stack in the script, else at its case
//     file;
//   - a warning finding of a passing case is a `::warning` at the case file;
//   - a script finding (its size) is an annotation at the script;
//
// and last the plain "N passed, N failed" line.
func WriteGitHub(w io.Writer, r *Report, opts GitHubOptions) error {
	files := opts.ScriptFiles
	if files == nil {
		files = map[string]string{r.Script: r.Script}
	}
	var b bytes.Buffer
	for _, f := range r.ScriptFindings {
		level := "warning"
		if f.Severity == profile.SeverityError || r.Strict {
			level = "error"
		}
		writeCommand(&b, level, ghLocation{file: r.Script}, "bridge test: the script", f.String())
	}
	for _, c := range r.Cases {
		title := "bridge test " + c.Name
		if c.Status != Pass {
			writeCommand(&b, "error", caseLocation(c, files), title, failureMessage(c))
			continue
		}
		for _, f := range c.Findings {
			writeCommand(&b, "warning", ghLocation{file: c.File}, title, f.String())
		}
	}
	fmt.Fprintf(&b, "%d passed, %d failed\n", r.Summary.Passed, r.Summary.Failed)
	_, err := w.Write(b.Bytes())
	return err
}

type ghLocation struct {
	file      string
	line, col int
}

// caseLocation is where a failed case is annotated: the first frame of its
// stack that is in a known script, else its case file.
func caseLocation(c *Case, files map[string]string) ghLocation {
	if c.Result != nil && c.Result.Error != nil {
		for _, frame := range splitLines(c.Result.Error.Stack) {
			m := frameRe.FindStringSubmatch(frame)
			if m == nil {
				continue
			}
			if path, ok := files[m[1]]; ok {
				line, _ := strconv.Atoi(m[2])
				col, _ := strconv.Atoi(m[3])
				return ghLocation{file: path, line: line, col: col}
			}
		}
	}
	return ghLocation{file: c.File}
}

// failureMessage is the case's reasons and what the script did, one a line.
func failureMessage(c *Case) string {
	lines := append([]string{}, c.Failures...)
	if c.Result != nil && c.Result.Error != nil {
		got := "got: " + string(c.Result.Error.Kind) + ": " + c.Result.Error.Message
		if len(lines) == 0 || !strings.Contains(lines[len(lines)-1], c.Result.Error.Message) {
			lines = append(lines, got)
		}
	}
	for _, ch := range c.Diff {
		lines = append(lines, paintChange(false, ch))
	}
	if len(lines) == 0 {
		lines = []string{"failed"}
	}
	return strings.Join(lines, "\n")
}

// writeCommand writes one workflow command: ::LEVEL props::message, with
// properties and data escaped as the runner unescapes them.
func writeCommand(b *bytes.Buffer, level string, loc ghLocation, title, msg string) {
	var props []string
	if loc.file != "" {
		props = append(props, "file="+escapeProperty(loc.file))
		if loc.line > 0 {
			props = append(props, "line="+strconv.Itoa(loc.line))
			if loc.col > 0 {
				props = append(props, "col="+strconv.Itoa(loc.col))
			}
		}
	}
	props = append(props, "title="+escapeProperty(title))
	fmt.Fprintf(b, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(msg))
}

// escapeData escapes a command's message: % CR LF as %25 %0D %0A, the
// escaping of actions/toolkit's command.ts (escapeData) that the runner
// reverses (ActionCommand.Unescape).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value: also : and , as %3A and %2C
// (actions/toolkit command.ts, escapeProperty).
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
