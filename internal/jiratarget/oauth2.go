package jiratarget

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/oauth2"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// OAuth2 is a target of an OAuth 2.0 script (fn(accessToken, ctx, cb)): Jira
// Data Center at JIRAURL, or Atlassian Cloud, with an access token.
type OAuth2 struct {
	Flavor  jiramock.Flavor
	JIRAURL string // Data Center: Jira's base URL (JIRA_URL in the script); Cloud: "" (the script names api.atlassian.com)
	Token   *oauth2.Token
	Scopes  []string // what the token was granted, for ctx.scope; nil: unknown
	mock    *jiramock.Mock
	worker  worker // the sandbox worker process the script runs in (sandbox.go)
}

// MockOAuth2 starts the mock of flavor and does the OAuth 2.0 dance
// (jiramock.DanceOAuth2: authorization code with PKCE, x/oauth2) as user
// ("" is the flavor's first) with the mock's test client. Close stops the
// mock.
func MockOAuth2(ctx context.Context, flavor jiramock.Flavor, user string) (*OAuth2, error) {
	if err := CheckUser(user, jiramock.DefaultUsers(flavor), flavor); err != nil {
		return nil, err
	}
	mock, err := jiramock.New(jiramock.Config{Flavor: flavor})
	if err != nil {
		return nil, fmt.Errorf("starting the mock JIRA: %w", err)
	}
	tok, err := jiramock.DanceOAuth2(ctx, mock.URL(), jiramock.OAuth2Dance{Flavor: flavor, User: user, PKCE: "S256"})
	if err != nil {
		mock.Close()
		return nil, fmt.Errorf("%w: %w", ErrDance, err)
	}
	return &OAuth2{Flavor: flavor, JIRAURL: mock.URL(), Token: tok, Scopes: jiramock.DefaultOAuth2Scopes(flavor), mock: mock}, nil
}

// Close stops the mock, if any.
func (t *OAuth2) Close() {
	t.worker.close()
	if t.mock != nil {
		t.mock.Close()
	}
}

// Run renders src (JIRA_URL) and runs it once as an oauth2 script with the
// target's access token; ctx is the token response (docs/auth0.md "OAuth2
// ctx"). The script may reach the Jira host on Data Center and Atlassian's
// API hosts on Cloud, which on the mock are mapped to it.
func (t *OAuth2) Run(ctx context.Context, src scriptsrc.Source, opts script.Options) *script.Result {
	prog, err := script.Compile(src.Name, bridge.RenderScript(src.Text, t.JIRAURL))
	if err != nil {
		return script.CompileFailure(err)
	}
	opts.Protocol, opts.Token = script.ProtocolOAuth2, t.Token.AccessToken
	resp := map[string]any{"access_token": t.Token.AccessToken, "token_type": "Bearer"}
	if t.Scopes != nil {
		resp["scope"] = strings.Join(t.Scopes, " ")
	}
	if v, ok := t.Token.Extra("expires_in").(float64); ok {
		resp["expires_in"] = v
	}
	opts.Ctx = script.Context{TokenResponse: resp}
	opts.AllowedHosts, opts.HostMap = Hosts(t.Flavor, t.JIRAURL, t.mock != nil)
	return t.worker.run(ctx, prog, opts)
}

// Hosts is the allow-list (and, on the mock, host map) of an oauth2 script:
// the host of jiraURL for Data Center; Atlassian's API hosts for Cloud,
// mapped to jiraURL when it is the mock, which serves their paths at its root
// (docs/jira.md "OAuth 2.0").
func Hosts(f jiramock.Flavor, jiraURL string, mock bool) ([]string, map[string]string) {
	if f == jiramock.Cloud {
		if mock {
			return script.AtlassianHosts, script.MapHosts(jiraURL, script.AtlassianHosts...)
		}
		return script.AtlassianHosts, nil
	}
	u, err := url.Parse(jiraURL)
	if err != nil || u.Host == "" {
		return nil, nil
	}
	return []string{u.Host}, nil
}

// InputError is an input of a run that cannot be used, named by its flag.
type InputError struct {
	Flag string // e.g. "--token-file"; "" for a combination
	Err  error
}

func (e *InputError) Error() string {
	if e.Flag == "" {
		return e.Err.Error()
	}
	return e.Flag + ": " + e.Err.Error()
}
func (e *InputError) Unwrap() error { return e.Err }

// RealOAuth2 is a real Jira Data Center (jiraURL) or Atlassian Cloud with an
// access token: token, or the one of tokenFile (live.WriteOAuth2TokenFile's
// format), whose flavour and URL then apply unless jiraURL is given.
func RealOAuth2(flavor jiramock.Flavor, jiraURL, token, tokenFile string, read func(string) (*oauth2.Token, string, string, error)) (*OAuth2, error) {
	t := &OAuth2{Flavor: flavor, JIRAURL: jiraURL, Token: &oauth2.Token{AccessToken: token}}
	if tokenFile != "" {
		tok, fl, u, err := read(tokenFile)
		if err != nil {
			return nil, &InputError{Flag: "--token-file", Err: err}
		}
		t.Flavor, t.Token = jiramock.Flavor(fl), tok
		if t.JIRAURL == "" {
			t.JIRAURL = u
		}
	}
	if t.Token.AccessToken == "" || t.Flavor != jiramock.Cloud && t.JIRAURL == "" {
		return nil, &InputError{Err: fmt.Errorf("a run against a real Jira with --protocol oauth2 needs an access token (--token, or --token-file from `bridge live --protocol oauth2 --save-token FILE`) and, for Data Center, --jira-url")}
	}
	return t, nil
}
