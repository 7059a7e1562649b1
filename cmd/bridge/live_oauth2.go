package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/jiratarget"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// runLiveOAuth2 is `bridge live --protocol oauth2`: the authorization code
// dance with PKCE against Jira Data Center or Atlassian Cloud
// (live.RunOAuth2), then the script once with the access token, reaching
// the real hosts.
func runLiveOAuth2(cmd *cobra.Command, f *liveFlags) error {
	maxMemory, err := f.checkOAuth2()
	if err != nil {
		return err
	}
	stdout, errw := cmd.OutOrStdout(), redact.New(f.clientSecret).Writer(cmd.ErrOrStderr())
	base, _ := jira.NormalizeBaseURL(f.jira.url) // checked in checkOAuth2 ("" for Cloud)
	opts := live.OAuth2Options{Flavor: f.flavor, JIRAURL: base, ClientID: f.clientID, ClientSecret: f.clientSecret,
		RedirectURI: f.redirectURI, OOB: f.oob, ApproveTimeout: f.approveTimeout, Stdin: cmd.InOrStdin(), Progress: errw}
	if !f.noBrowser && live.HasDisplay(runtime.GOOS, os.Getenv) {
		opts.OpenBrowser = live.OpenBrowser
	}
	src, err := f.runtime.loadFor("oauth2", f.flavor)
	if err != nil {
		return err
	}
	// A syntax error costs no consent.
	if _, err := script.Compile(src.Name, jira.RenderScript(src.Text, opts.JIRAURL)); err != nil {
		var se *script.SyntaxError
		if errors.As(err, &se) {
			return printResult(stdout, errw, script.CompileFailure(se), f.json, false, nil)
		}
		return err
	}
	tok, err := live.RunOAuth2(cmd.Context(), opts)
	if err != nil {
		return liveFailure(stdout, errw, err, f.json)
	}
	errw = redact.New(f.clientSecret, tok.AccessToken, tok.RefreshToken).Writer(cmd.ErrOrStderr())
	if f.saveToken != "" {
		if err := live.WriteOAuth2TokenFile(f.saveToken, live.NewOAuth2TokenFile(opts, tok)); err != nil {
			return exit.Usagef("%w", err)
		}
		fmt.Fprintf(errw, "bridge: saved the tokens (with the refresh token) to %s (mode 0600); use them with bridge run --protocol oauth2 --token-file %s\n", f.saveToken, f.saveToken)
	}
	t := &jiratarget.OAuth2{Flavor: jiramock.Flavor(f.flavor), JIRAURL: opts.JIRAURL, Token: tok, Scopes: live.DefaultOAuth2Scopes(f.flavor)}
	fmt.Fprintf(errw, "bridge: running %s with the access token\n", src.Name)
	res := t.Run(cmd.Context(), src, script.Options{Timeout: f.runtime.timeout, MaxMemory: maxMemory})
	return printResult(stdout, errw, res, f.json, true, src.Sources())
}

// checkOAuth2 checks what live.RunOAuth2 does not, before any request: the
// limits and --save-token (it checks the client, the flavour and the URL).
func (f *liveFlags) checkOAuth2() (int64, error) {
	if f.approveTimeout <= 0 {
		return 0, exit.Usagef("--approve-timeout must be positive, e.g. 5m")
	}
	maxMemory, err := f.runtime.limits()
	if err != nil {
		return 0, err
	}
	return maxMemory, checkOutputFile("--save-token", f.saveToken, "jira-token.json")
}
