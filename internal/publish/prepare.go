package publish

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/prefix"
	jsscript "github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/verify"
)

// ErrNotVerified: the body would publish another script than the one the
// suite verifies (a bug in bridge).
var ErrNotVerified = errors.New("publish: the script to publish is not the script verified; please report this bug")

// Source is what Prepare publishes and verifies: a connection's body and
// the script it holds, before and after JIRA_URL is rendered.
type Source struct {
	Body       json.RawMessage // the connection, as Plan.Body
	Name       string
	Script     string // the fetchUserProfile source with JIRA_URL, as the suite runs it
	ScriptName string
	JIRAURL    string // what JIRA_URL becomes in Body
	Rendered   string // Body's options.scripts.fetchUserProfile
	// Verify has the key and the protocol the suite runs with; Prepare sets
	// its Program, Cases and Log.
	Verify verify.Options
}

// Prepare is the Plan of publishing s: its Body and Name, a Verify that
// runs the cases below casesDir ("" is the built-in suite; a directory
// without cases is verify.ErrNoCases) on s's script, and a Log of "bridge: "
// lines on stderr, where the suite's progress goes too. The caller adds the
// client and its own choices.
//
// The suite renders the script with the mock's URL; what is published is the
// same source rendered with the JIRA URL, and nothing else differs: Prepare
// checks that (ErrNotVerified).
func Prepare(s Source, casesDir string, stderr io.Writer) (Plan, error) {
	cs, err := verify.Cases(casesDir)
	if err != nil {
		return Plan{}, err
	}
	prog, err := jsscript.Compile(s.ScriptName, s.Script)
	if err != nil {
		return Plan{}, fmt.Errorf("%w; fix the script, `bridge run` shows it at work", err)
	}
	if jira.RenderScript(prog.Source(), s.JIRAURL) != s.Rendered {
		return Plan{}, ErrNotVerified
	}
	vo := s.Verify
	vo.Program, vo.Cases, vo.Log = prog, cs, stderr
	return Plan{
		Body:   s.Body,
		Name:   s.Name,
		Verify: func(ctx context.Context) error { return verify.Suite(ctx, vo) },
		Log:    prefix.Writer(stderr, "bridge: "), // "bridge: auth0: GET …", as every line bridge writes
	}, nil
}
