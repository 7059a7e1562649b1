package publish

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/prefix"
	jsscript "github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/verify"
)

// ErrNotVerified: the body would publish another script than the one the
// suite verifies (a bug in bridge).
var ErrNotVerified = errors.New("publish: the script to publish is not the script verified; please report this bug")

// Prepare is the Plan of publishing v's body: its Body and Name, a Verify
// that runs the cases below casesDir ("" is the built-in suite; a directory
// without cases is verify.ErrNoCases) on v's script with v's consumer key
// and private key, and a Log of "bridge: " lines on stderr, where the suite's
// progress goes too. The caller adds the client and its own choices.
//
// The suite renders the script with the mock's URL; what is published is the
// same source rendered with the JIRA URL, and nothing else differs: Prepare
// checks that (ErrNotVerified).
func Prepare(v *connection.Validated, casesDir string, stderr io.Writer) (Plan, error) {
	cs, err := verify.Cases(casesDir)
	if err != nil {
		return Plan{}, err
	}
	prog, err := jsscript.Compile(v.ScriptName, v.Script)
	if err != nil {
		return Plan{}, fmt.Errorf("%w; fix the script, `bridge run` shows it at work", err)
	}
	body := v.Body()
	if jira.RenderScript(prog.Source(), v.JIRAURL) != body.Options.Scripts.FetchUserProfile {
		return Plan{}, ErrNotVerified
	}
	return Plan{
		Body: body.JSON(),
		Name: v.Name,
		Verify: func(ctx context.Context) error {
			return verify.Suite(ctx, verify.Options{Program: prog, Cases: cs,
				ConsumerKey: v.ConsumerKey, PrivateKey: v.PrivateKey, PrivateKeyPEM: v.PrivateKeyPEM, Log: stderr})
		},
		Log: prefix.Writer(stderr, "bridge: "), // "bridge: auth0: GET …", as every line bridge writes
	}, nil
}
