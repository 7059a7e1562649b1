package livecheck

import (
	"context"
	"fmt"
	"io"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/jiratarget"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// OAuth2 is an OAuth 2.0 check against Jira Data Center or Atlassian Cloud:
// the authorization code dance with PKCE (live.RunOAuth2), then Source once
// with the access token, reaching the real hosts (jiratarget.OAuth2).
type OAuth2 struct {
	Dance     live.OAuth2Options // Progress is set by Run
	Source    scriptsrc.Source   // the script as written (JIRA_URL not yet rendered)
	SaveToken string             // where to write the tokens (live.WriteOAuth2TokenFile); "" = nowhere
	Limits    script.Options     // Timeout, MaxMemory and Runtime of the run
}

// Run does the check, with progress on stderr.
func (c OAuth2) Run(ctx context.Context, stderr io.Writer) Outcome {
	log := redact.New(c.Dance.ClientSecret).Writer(stderr)
	if _, err := script.Compile(c.Source.Name, jira.RenderScript(c.Source.Text, c.Dance.JIRAURL)); err != nil {
		return CompileFailed(err, log)
	}
	c.Dance.Progress = log
	tok, err := live.RunOAuth2(ctx, c.Dance)
	if err != nil {
		return Outcome{Err: danceErr(err), Log: log}
	}
	log = redact.New(c.Dance.ClientSecret, tok.AccessToken, tok.RefreshToken).Writer(stderr)
	if c.SaveToken != "" {
		if err := live.WriteOAuth2TokenFile(c.SaveToken, live.NewOAuth2TokenFile(c.Dance, tok)); err != nil {
			return Outcome{Err: &Error{Stage: StageSave, Err: err}, Log: log}
		}
		fmt.Fprintf(log, "bridge: saved the tokens (with the refresh token) to %s (mode 0600); use them with bridge run --protocol oauth2 --token-file %s\n", c.SaveToken, c.SaveToken)
	}
	t := &jiratarget.OAuth2{Flavor: jiramock.Flavor(c.Dance.Flavor), JIRAURL: c.Dance.JIRAURL, Token: tok, Scopes: live.DefaultOAuth2Scopes(c.Dance.Flavor)}
	defer t.Close()
	fmt.Fprintf(log, "bridge: running %s with the access token\n", c.Source.Name)
	return Outcome{Result: t.Run(ctx, c.Source, c.Limits), Real: true, Sources: c.Source.Sources(), Log: log}
}
