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
func (f *runFlags) oauth2Target(cmd *cobra.Command, real bool) (t *jiratarget.OAuth2, err error) {
	if _, err := jiramock.ParseFlavor(f.flavor); err != nil {
		return nil, exit.Usagef("--flavor %q: use server or cloud", f.flavor)
	}
	if real {
		t, err = jiratarget.RealOAuth2(jiramock.Flavor(f.flavor), f.jira.url, f.token.Token, f.tokenFile, readOAuth2TokenFile)
	} else {
		t, err = jiratarget.MockOAuth2(cmd.Context(), jiramock.Flavor(f.flavor), f.user)
	}
	var ie *jiratarget.InputError
	var ue *jiratarget.UnknownUserError
	switch {
	case errors.As(err, &ue):
		return nil, exit.Usagef("--user %v", ue)
	case errors.As(err, &ie):
		return nil, exit.Usagef("%v", err)
	case err != nil:
		return nil, exit.RemoteFailed(fmt.Errorf("run: %w", err))
	}
	return t, nil
}

func readOAuth2TokenFile(path string) (*oauth2.Token, string, string, error) {
	tf, err := live.ReadOAuth2TokenFile(path)
	return tf.Token(), tf.Flavor, tf.JIRAURL, err
}
