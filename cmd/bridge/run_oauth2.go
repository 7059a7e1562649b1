package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
	"golang.org/x/oauth2"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/jiratarget"
	"github.com/jira-auth0-bridge/bridge/internal/live"
)

// oauth2Target is `bridge run --protocol oauth2`'s target: the mock with the
// OAuth 2.0 dance done, or a real Jira Data Center (--jira-url) or Atlassian
// Cloud (--flavor cloud) with --token or --token-file.
func (f *runFlags) oauth2Target(cmd *cobra.Command, real bool) (*jiratarget.OAuth2, error) {
	flavor, err := jiramock.ParseFlavor(f.flavor)
	if err != nil {
		return nil, exit.Usagef("--flavor %q: use server or cloud", f.flavor)
	}
	if !real {
		t, err := jiratarget.MockOAuth2(cmd.Context(), flavor, f.user)
		var ue *jiratarget.UnknownUserError
		switch {
		case errors.As(err, &ue):
			return nil, exit.Usagef("--user %v", ue)
		case err != nil:
			return nil, exit.RemoteFailed(fmt.Errorf("run: %w", err))
		}
		return t, nil
	}
	t := &jiratarget.OAuth2{Flavor: flavor, JIRAURL: f.jira.url, Token: &oauth2.Token{AccessToken: f.token.Token}}
	if f.tokenFile != "" {
		tf, err := live.ReadOAuth2TokenFile(f.tokenFile)
		if err != nil {
			return nil, exit.Usagef("--token-file: %v", err)
		}
		t.Flavor, t.Token = jiramock.Flavor(tf.Flavor), tf.Token()
		t.JIRAURL = firstNonEmpty(f.jira.url, tf.JIRAURL)
	}
	if t.Token.AccessToken == "" || t.Flavor == jiramock.Server && t.JIRAURL == "" {
		return nil, exit.Usagef("a run against a real Jira with --protocol oauth2 needs an access token (--token, or --token-file from `bridge live --protocol oauth2 --save-token FILE`) and, for Data Center, --jira-url")
	}
	return t, nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
