package report

import (
	"fmt"
	"io"
)

// Format is a report format of `bridge test --format`.
type Format string

// The formats on stdout: text for people, one JSON document, or GitHub
// Actions workflow commands (WriteGitHub).
const (
	FormatText   Format = "text"
	FormatJSON   Format = "json"
	FormatGitHub Format = "github"
)

// ParseFormat checks a --format value; jsonAlias is --json, which may only
// agree with it.
func ParseFormat(s string, jsonAlias bool) (Format, error) {
	f := Format(s)
	if jsonAlias {
		if f != FormatText && f != FormatJSON {
			return "", fmt.Errorf("--json and --format %s disagree; give one of them", s)
		}
		return FormatJSON, nil
	}
	switch f {
	case FormatText, FormatJSON, FormatGitHub:
		return f, nil
	}
	return "", fmt.Errorf("--format %q: use text, json or github", s)
}

// Write writes r in format f; text takes opts.
func Write(w io.Writer, f Format, r *Report, opts TextOptions) error {
	switch f {
	case FormatJSON:
		return WriteJSON(w, r)
	case FormatGitHub:
		return WriteGitHub(w, r, GitHubOptions{})
	}
	return WriteText(w, r, opts)
}
