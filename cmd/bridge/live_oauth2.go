package main

import (
	"os"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/livecheck"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// runLiveOAuth2 is `bridge live --protocol oauth2`: the authorization code
// dance with PKCE against Jira Data Center or Atlassian Cloud, then the
// script once with the access token, reaching the real hosts
// (livecheck.OAuth2).
func runLiveOAuth2(cmd *cobra.Command, f *liveFlags) error {
	maxMemory, err := f.check(cmd)
	if err != nil {
		return err
	}
	base, _ := jira.NormalizeBaseURL(f.jira.URL) // live.RunOAuth2 checks it ("" for Cloud)
	src, err := f.runtime.LoadFor("oauth2", f.flavor)
	if err != nil {
		return err
	}
	c := livecheck.OAuth2{Dance: live.OAuth2Options{Flavor: f.flavor, JIRAURL: base, ClientID: f.clientID, ClientSecret: f.clientSecret,
		RedirectURI: f.redirectURI, OOB: f.oob, ApproveTimeout: f.approveTimeout, Stdin: cmd.InOrStdin(),
		OpenBrowser: live.Opener(f.noBrowser, runtime.GOOS, os.Getenv)},
		Source: src, SaveToken: f.saveToken, Limits: script.Options{Timeout: f.runtime.Timeout, MaxMemory: maxMemory, Runtime: f.runtime.Runtime}}
	return f.report(cmd.OutOrStdout(), c.Run(cmd.Context(), cmd.ErrOrStderr()))
}
