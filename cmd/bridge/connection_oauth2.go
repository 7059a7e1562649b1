package main

import (
	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// build loads the flags of `--protocol oauth1|oauth2` into the connection's
// body and what publishing it verifies (publish.OAuth1Source, OAuth2Source).
func (f *connectionFlags) build(cmd *cobra.Command) (connection.Built, publish.Source, error) {
	if err := cliflags.CheckProtocol(f.protocol, false); err != nil {
		return nil, publish.Source{}, err
	}
	if f.protocol != "oauth2" {
		v, err := f.load(cmd)
		if err != nil {
			return nil, publish.Source{}, err
		}
		return v.Body(), publish.OAuth1Source(v), nil
	}
	src, err := scriptsrc.LoadFor(f.Script, "oauth2", f.flavor)
	if err != nil {
		return nil, publish.Source{}, exit.Usagef("--script: %v; pass a fetchUserProfile(accessToken, ctx, cb) script, e.g. one made by `bridge init --protocol oauth2`", err)
	}
	v, err := connection.ValidateOAuth2(connection.OAuth2Params{Flavor: connection.Flavor(f.flavor), JIRAURL: f.jira.URL,
		ClientID: f.clientID, ClientSecret: f.clientSecret, Name: f.Name, Script: src.Text, ScriptName: src.Name})
	if err != nil {
		return nil, publish.Source{}, connUsageErr(err)
	}
	render.Warnings(cmd.ErrOrStderr(), v.Warnings)
	return v.Body(), publish.OAuth2Source(v, jiramock.Flavor(f.flavor)), nil
}

// secret names the secret a connection body holds, for warnings.
func (f *connectionFlags) secret() string {
	if f.protocol == "oauth2" {
		return "the client secret of " + f.clientID
	}
	return "the private key of " + f.jira.PrivateKey
}
