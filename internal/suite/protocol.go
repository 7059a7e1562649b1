package suite

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/oauth2"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/jiratarget"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// ScriptKey names the script a case runs by the case's protocol and flavour;
// Flavor "" stands for both flavours.
type ScriptKey struct {
	Protocol string
	Flavor   jiramock.Flavor
}

// ShippedPrograms are the shipped scripts of the OAuth 2.0 cases, for
// Options.Programs next to the shipped OAuth 1.0a script as Options.Program:
// the built-in suite gives each case the script of its protocol and flavour.
func ShippedPrograms() (map[ScriptKey]*script.Program, error) {
	server, err := script.Compile(bridge.ShippedOAuth2ServerScriptName, bridge.ShippedOAuth2ServerScript)
	if err != nil {
		return nil, fmt.Errorf("suite: the shipped OAuth 2.0 Data Center script: %w", err)
	}
	cloud, err := script.Compile(bridge.ShippedOAuth2CloudScriptName, bridge.ShippedOAuth2CloudScript)
	if err != nil {
		return nil, fmt.Errorf("suite: the shipped OAuth 2.0 Cloud script: %w", err)
	}
	return map[ScriptKey]*script.Program{
		{script.ProtocolOAuth2, jiramock.Server}: server,
		{script.ProtocolOAuth2, jiramock.Cloud}:  cloud,
	}, nil
}

// renderPrograms renders and compiles each of Options.Programs with the
// mock's URL, as newRunner does Options.Program.
func renderPrograms(progs map[ScriptKey]*script.Program, base string) (map[ScriptKey]*script.Program, error) {
	out := make(map[ScriptKey]*script.Program, len(progs))
	for k, p := range progs {
		r, err := script.Compile(p.Filename(), bridge.RenderScript(p.Source(), base))
		if err != nil {
			return nil, fmt.Errorf("suite: compiling %s with the mock's URL filled in: %w", p.Filename(), err)
		}
		out[k] = r
	}
	return out, nil
}

// programFor is the script case c runs: the one of its protocol and
// flavour, else of its protocol, else Options.Program.
func (r *runner) programFor(c *cases.Case) *script.Program {
	if p := r.progs[ScriptKey{c.Protocol, c.Flavor}]; p != nil {
		return p
	}
	if p := r.progs[ScriptKey{c.Protocol, ""}]; p != nil {
		return p
	}
	return r.prog
}

// grant mints case c's credentials on the mock, in its own world (user,
// flavour, faults), and returns how the script is called with them: an
// OAuth 1.0a token and secret signed for with the suite's consumer, or an
// OAuth 2.0 access token of the case's scopes and expiry with the ctx Auth0
// passes an oauth2 script (docs/auth0.md "OAuth2 ctx"). The token names the
// case's entries in the mock's log.
func (r *runner) grant(c *cases.Case) (script.Options, string, error) {
	if c.Protocol != script.ProtocolOAuth2 {
		token, secret, err := r.mock.MintAccessToken(jiramock.Grant{
			ConsumerKey: r.consumer.Key, UserObject: c.User, Flavor: c.Flavor, Faults: c.Faults})
		return script.Options{Token: token, TokenSecret: secret, Ctx: r.sctx}, token, err
	}
	tok, err := r.mock.MintOAuth2Token(jiramock.OAuth2Grant{UserObject: c.User, Flavor: c.Flavor, Faults: c.Faults,
		Scopes: c.Token.Scopes, ExpiresIn: c.Token.ExpiresIn})
	if err != nil {
		return script.Options{}, "", err
	}
	scopes := c.Token.Scopes
	if scopes == nil {
		scopes = jiramock.DefaultOAuth2Scopes(c.Flavor)
	}
	o := script.Options{Protocol: script.ProtocolOAuth2, Token: tok.AccessToken, Secrets: []string{tok.AccessToken},
		Ctx: script.Context{TokenResponse: TokenResponse(tok, scopes)}}
	o.AllowedHosts, o.HostMap = jiratarget.Hosts(c.Flavor, r.mock.URL(), true)
	return o, tok.AccessToken, nil
}

// TokenResponse is the token endpoint's answer for tok (RFC 6749 §5.1, as
// the mock writes it), the ctx of an oauth2 script; refresh_token is in it
// and script.Context.OAuth2Object leaves it out as Auth0 does.
func TokenResponse(tok *oauth2.Token, scopes []string) map[string]any {
	resp := map[string]any{"access_token": tok.AccessToken, "token_type": "Bearer",
		"expires_in": int(time.Until(tok.Expiry).Round(time.Second) / time.Second), "scope": strings.Join(scopes, " ")}
	if tok.RefreshToken != "" {
		resp["refresh_token"] = tok.RefreshToken
	}
	return resp
}

// Sources maps each script's name to its text (Program's and Programs'),
// for the report's excerpts.
func (o Options) Sources() map[string]string {
	m := map[string]string{}
	if o.ScriptName != "" {
		m[o.ScriptName] = o.ScriptSource
	}
	if o.Program != nil {
		m[o.Program.Filename()] = o.Program.Source()
	}
	for _, p := range o.Programs {
		m[p.Filename()] = p.Source()
	}
	return m
}
