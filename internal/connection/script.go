package connection

import (
	"fmt"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// checkScript checks the rendered script as Auth0 will store it: it must
// compile as a function expression and hold at most 51,200 characters
// (docs/auth0.md "The sandbox"). Size warnings (close to the limit) are returned.
func checkScript(name, rendered string) (warnings []string, errs []error) {
	for _, f := range profile.CheckScriptSize(rendered) {
		if f.Severity == profile.SeverityError {
			errs = append(errs, problem(FieldScript, ErrScriptSize, "the count is of the script with JIRA_URL filled in, as Auth0 stores it", "%s: %s", name, f.Message))
		} else {
			warnings = append(warnings, name+": "+f.Message)
		}
	}
	if err := compileScript(name, rendered); err != nil {
		errs = append(errs, problem(FieldScript, ErrScript, "fix the script (`bridge run` shows it at work)", "%v", err))
	}
	return warnings, errs
}

// compileScript compiles source as the sandbox does (script.Compile): one
// function expression, as Auth0 stores it (docs/auth0.md "The sandbox"). The error is a
// *script.SyntaxError, "file:line:col: message".
func compileScript(name, source string) error {
	if strings.TrimSpace(source) == "" {
		return fmt.Errorf("%s is empty", name)
	}
	_, err := script.Compile(name, source)
	return err
}
