package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/live"
)

// LiveError writes a failed dance and its advice, indented below it.
func LiveError(w io.Writer, e *live.Error) {
	fmt.Fprintf(w, "bridge: %v\n", e)
	if e.Advice != "" {
		fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(e.Advice, "\n", "\n  "))
	}
}

// LiveErrorJSON writes a failed dance as {"error": {…}}: live.Error's fields
// plus exit_code, as every --json error of bridge has it.
func LiveErrorJSON(w io.Writer, e *live.Error, exitCode int) error {
	var doc map[string]any
	raw, err := json.Marshal(e)
	if err == nil {
		err = json.Unmarshal(raw, &doc)
	}
	if err != nil {
		return err
	}
	doc["exit_code"] = exitCode
	return JSON(w, map[string]any{"error": doc})
}

// LiveFailure writes a failed dance: first as JSON on stdout when asJSON
// (LiveErrorJSON), then with its advice on w (LiveError).
func LiveFailure(stdout, w io.Writer, e *live.Error, exitCode int, asJSON bool) error {
	if asJSON {
		if err := LiveErrorJSON(stdout, e, exitCode); err != nil {
			return err
		}
	}
	LiveError(w, e)
	return nil
}
