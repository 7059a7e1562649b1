package mockcfg

import (
	"context"
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/render"
)

// StartError is a mock that would not start with a valid configuration
// (the address is taken, the context path is malformed); its message is
// jiramock's, without the package prefix (Message).
type StartError struct{ Err error }

func (e *StartError) Error() string { return Message(e.Err) }
func (e *StartError) Unwrap() error { return e.Err }

// Serve starts the mock f configures and serves until ctx ends: the base
// URL goes to stdout first, alone on its line (flushed, for a script that
// reads it), then the banner of f.Protocol to stderr. log, when non-nil,
// gets one line per request. Its errors are a *FlagError or a *StartError.
func (f Flags) Serve(ctx context.Context, log, stdout, stderr io.Writer) error {
	cfg, err := f.Config(log)
	if err != nil {
		return err
	}
	m, err := jiramock.New(cfg)
	if err != nil {
		return &StartError{Err: err}
	}
	defer m.Close()
	fmt.Fprintln(stdout, m.URL())
	if s, ok := stdout.(interface{ Sync() error }); ok {
		_ = s.Sync()
	}
	if f.Protocol == "oauth2" {
		render.MockOAuth2(stderr, m, f.AutoApprove)
	} else {
		render.Mock(stderr, m, f.PublicKey, f.AutoApprove)
	}
	<-ctx.Done()
	fmt.Fprintln(stderr, "bridge: mock stopped")
	return nil
}
