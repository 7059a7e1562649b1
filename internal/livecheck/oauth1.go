package livecheck

import (
	"context"
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/sandbox"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// OAuth1 is an OAuth 1.0a check: the dance (live.Run), then Program once
// with the access token, as Auth0 would run it once published.
type OAuth1 struct {
	Dance     live.Options    // JIRAURL is the normalized base URL; Progress is set by Run
	KeyPEM    string          // the consumer's private key as given: the script's ctx, and redacted
	Program   *script.Program // the script, rendered for Dance.JIRAURL
	SaveToken string          // where to write the token file (live.WriteTokenFile); "" = nowhere
	Limits    script.Options  // Timeout, MaxMemory and Runtime of the run
}

// Run does the check, with progress on stderr. The sandbox worker starts
// first, so that it is ready when the person has approved.
func (c OAuth1) Run(ctx context.Context, stderr io.Writer) Outcome {
	log := redact.New(c.KeyPEM).Writer(stderr)
	pool, err := sandbox.NewPool(sandbox.Config{Workers: 1})
	if err != nil {
		return Outcome{Err: &Error{Stage: StageWorker, Err: fmt.Errorf("live: starting the sandbox worker: %w", err)}, Log: log}
	}
	defer pool.Close()
	c.Dance.Progress = log
	tok, err := live.Run(ctx, c.Dance)
	if err != nil {
		return Outcome{Err: danceErr(err), Log: log}
	}
	log = redact.New(c.KeyPEM, tok.TokenSecret).Writer(stderr)
	if c.SaveToken != "" {
		tf := live.TokenFile{JIRAURL: c.Dance.JIRAURL, ConsumerKey: c.Dance.ConsumerKey, Token: tok.Token, TokenSecret: tok.TokenSecret}
		if err := live.WriteTokenFile(c.SaveToken, tf); err != nil {
			return Outcome{Err: &Error{Stage: StageSave, Err: err}, Log: log}
		}
		fmt.Fprintf(log, "bridge: saved the access token to %s (mode 0600); use it with bridge run --token-file %s\n", c.SaveToken, c.SaveToken)
	}
	fmt.Fprintf(log, "bridge: running %s against %s\n", c.Program.Filename(), c.Dance.JIRAURL)
	opts := c.Limits
	opts.Token, opts.TokenSecret = tok.Token, tok.TokenSecret
	opts.Ctx = script.ContextFor(c.Dance.JIRAURL, c.Dance.ConsumerKey, c.KeyPEM)
	return Outcome{Result: pool.Run(ctx, c.Program, opts), Real: true, Log: log,
		Sources: map[string]string{c.Program.Filename(): c.Program.Source()}}
}
