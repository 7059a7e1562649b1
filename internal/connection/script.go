package connection

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
)

// checkScript checks the rendered script as Auth0 will store it: it must
// compile as a function expression and hold at most 51,200 characters
// (FACTS.md §2). Size warnings (close to the limit) are returned.
func checkScript(name, rendered string) (warnings []string, errs []error) {
	for _, f := range profile.CheckScriptSize(rendered) {
		if f.Severity == profile.SeverityError {
			errs = append(errs, problem("--script", ErrScriptSize, "the count is of the script with JIRA_URL filled in, as Auth0 stores it", "%s: %s", name, f.Message))
		} else {
			warnings = append(warnings, name+": "+f.Message)
		}
	}
	if err := compileScript(name, rendered); err != nil {
		errs = append(errs, problem("--script", ErrScript, "fix the script; `bridge run` shows it at work", "%v", err))
	}
	return warnings, errs
}

// compileScript compiles source the way Auth0 stores it: a function
// expression (FACTS.md §2). Until internal/script lands, goja is used
// directly, wrapping the source in parentheses as the sandbox does.
func compileScript(name, source string) error {
	if strings.TrimSpace(source) == "" {
		return fmt.Errorf("%s: the script is empty", name)
	}
	_, err := goja.Compile(name, "("+source+"\n)", false)
	if err != nil {
		return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "SyntaxError: "))
	}
	return nil
}
