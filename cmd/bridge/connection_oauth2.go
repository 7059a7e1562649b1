package main

import (
	"github.com/spf13/cobra"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
	"github.com/jira-auth0-bridge/bridge/internal/verify"
)

// built is the connection the flags describe, of either strategy, and what
// verifying its script needs: the body, its name, the script as written and
// as published, and the suite's options (keys for oauth1; protocol and
// flavour for oauth2).
type built struct {
	body                           connection.Built
	name, script, scriptName, jira string
	rendered                       string // options.scripts.fetchUserProfile of body
	verify                         verify.Options
}

// build loads the flags of `--protocol oauth1|oauth2` into a built.
func (f *connectionFlags) build(cmd *cobra.Command) (*built, error) {
	if err := checkProtocol(f.protocol, false); err != nil {
		return nil, err
	}
	if f.protocol != "oauth2" {
		v, err := f.load(cmd)
		if err != nil {
			return nil, err
		}
		b := v.Body()
		return &built{body: b, name: v.Name, script: v.Script, scriptName: v.ScriptName, jira: v.JIRAURL, rendered: b.Options.Scripts.FetchUserProfile,
			verify: verify.Options{ConsumerKey: v.ConsumerKey, PrivateKey: v.PrivateKey, PrivateKeyPEM: v.PrivateKeyPEM}}, nil
	}
	src, err := scriptsrc.LoadFor(f.Script, "oauth2", f.flavor)
	if err != nil {
		return nil, exit.Usagef("--script: %v; pass a fetchUserProfile(accessToken, ctx, cb) script, e.g. one made by `bridge init --protocol oauth2`", err)
	}
	v, err := connection.ValidateOAuth2(connection.OAuth2Params{Flavor: connection.Flavor(f.flavor), JIRAURL: f.jira.url,
		ClientID: f.clientID, ClientSecret: f.clientSecret, Name: f.Name, Script: src.Text, ScriptName: src.Name})
	if err != nil {
		return nil, connUsageErr(err)
	}
	for _, w := range v.Warnings {
		connWarn(cmd.ErrOrStderr(), "%s", w)
	}
	return &built{body: v.Body(), name: v.Name, script: v.Script, scriptName: v.ScriptName, jira: v.JIRAURL, rendered: v.Rendered,
		verify: verify.Options{Protocol: "oauth2", Flavor: jiramock.Flavor(f.flavor)}}, nil
}

// secret names the secret a connection body holds, for warnings.
func (f *connectionFlags) secret() string {
	if f.protocol == "oauth2" {
		return "the client secret of " + f.clientID
	}
	return "the private key of " + f.jira.privateKey
}
