package connection

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/redact"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	o2Secret = "s3cr3t-0a1b2c3d4e5f60718293a4b5c6d7e8f9"
	o2Script = "function(accessToken, ctx, cb) {\n  // GET JIRA_URL/rest/api/2/myself\n  cb(null, {user_id: 'x'});\n}"
)

func goodOAuth2(f Flavor) OAuth2Params {
	return OAuth2Params{Flavor: f, JIRAURL: "https://jira.example.com/", ClientID: "c0ffee12", ClientSecret: o2Secret, Script: o2Script, ScriptName: "dc.js"}
}

func TestBuildOAuth2(t *testing.T) {
	cases := []struct {
		name string
		edit func(p *OAuth2Params)
		want map[string]any // options
	}{
		{"server", func(p *OAuth2Params) {}, map[string]any{
			"client_id": "c0ffee12", "client_secret": o2Secret,
			"authorizationURL": "https://jira.example.com/rest/oauth2/latest/authorize",
			"tokenURL":         "https://jira.example.com/rest/oauth2/latest/token",
			"scope":            "READ", "pkce_enabled": true,
			"scripts": map[string]any{"fetchUserProfile": strings.Replace(o2Script, "JIRA_URL", "https://jira.example.com", 1)},
		}},
		{"server is the default, path prefix kept, scopes normalized", func(p *OAuth2Params) {
			p.Flavor, p.JIRAURL, p.Scope = "", "https://example.com/jira", "  READ   WRITE "
		}, map[string]any{
			"client_id": "c0ffee12", "client_secret": o2Secret,
			"authorizationURL": "https://example.com/jira/rest/oauth2/latest/authorize",
			"tokenURL":         "https://example.com/jira/rest/oauth2/latest/token",
			"scope":            "READ WRITE", "pkce_enabled": true,
			"scripts": map[string]any{"fetchUserProfile": strings.Replace(o2Script, "JIRA_URL", "https://example.com/jira", 1)},
		}},
		{"cloud without a JIRA URL", func(p *OAuth2Params) {
			p.Flavor, p.JIRAURL, p.Script = FlavorCloud, "", "function(accessToken, ctx, cb) { cb(null, {user_id: 'x'}); }"
		}, map[string]any{
			"client_id": "c0ffee12", "client_secret": o2Secret,
			"authorizationURL": "https://auth.atlassian.com/authorize",
			"tokenURL":         "https://auth.atlassian.com/oauth/token",
			"scope":            "read:me read:jira-user offline_access", "pkce_enabled": false,
			"authParams": map[string]any{"audience": "api.atlassian.com", "prompt": "consent"},
			"scripts":    map[string]any{"fetchUserProfile": "function(accessToken, ctx, cb) { cb(null, {user_id: 'x'}); }"},
		}},
		{"cloud with a site URL, own scope and headers", func(p *OAuth2Params) {
			p.Flavor, p.JIRAURL, p.Scope = FlavorCloud, "https://acme.atlassian.net", "read:me"
			p.CustomHeaders = map[string]string{"X-Trace": "on"}
		}, map[string]any{
			"client_id": "c0ffee12", "client_secret": o2Secret,
			"authorizationURL": "https://auth.atlassian.com/authorize",
			"tokenURL":         "https://auth.atlassian.com/oauth/token",
			"scope":            "read:me", "pkce_enabled": false,
			"authParams":    map[string]any{"audience": "api.atlassian.com", "prompt": "consent"},
			"customHeaders": map[string]any{"X-Trace": "on"},
			"scripts":       map[string]any{"fetchUserProfile": strings.Replace(o2Script, "JIRA_URL", "https://acme.atlassian.net", 1)},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := goodOAuth2(FlavorServer)
			c.edit(&p)
			b, err := BuildOAuth2(p)
			require.NoError(t, err)
			var got map[string]any
			require.NoError(t, json.Unmarshal(b.JSON(), &got))
			assert.Equal(t, map[string]any{"name": "jira", "strategy": "oauth2", "options": c.want}, got)
			assert.NotContains(t, string(b.JSON()), `\u0026`)
			assert.True(t, json.Valid(b.Indent()))
		})
	}
}

func TestValidateOAuth2Problems(t *testing.T) {
	cases := []struct {
		name     string
		edit     func(p *OAuth2Params)
		sentinel error
		field    string // "" for the fields oauth1 shares (their spelling belongs to the oauth1 code)
		text     string
	}{
		{"no client id", func(p *OAuth2Params) { p.ClientID = "" }, ErrClientID, FieldClientID, "empty"},
		{"client id with space", func(p *OAuth2Params) { p.ClientID = "c0ffee 12" }, ErrClientID, FieldClientID, "white space"},
		{"PEM as client id", func(p *OAuth2Params) { p.ClientID = readKey(t, "pkcs8.key") }, ErrClientID, FieldClientID, "OAuth 1.0a"},
		{"no client secret", func(p *OAuth2Params) { p.ClientSecret = "" }, ErrClientSecret, FieldClientSecret, "empty"},
		{"PEM as client secret", func(p *OAuth2Params) { p.ClientSecret = readKey(t, "pkcs8.key") }, ErrClientSecret, FieldClientSecret, "--protocol oauth1"},
		{"secret is the id", func(p *OAuth2Params) { p.ClientSecret = p.ClientID }, ErrClientSecret, FieldClientSecret, "it is the client id"},
		{"secret with newline", func(p *OAuth2Params) { p.ClientSecret = o2Secret + "\n" }, ErrClientSecret, FieldClientSecret, "control characters"},
		{"unknown flavour", func(p *OAuth2Params) { p.Flavor = "datacenter" }, ErrFlavor, FieldFlavor, `"datacenter"`},
		{"DC scope unknown", func(p *OAuth2Params) { p.Scope = "READ read:me" }, ErrScope, FieldScope, `"read:me" is not a Jira Data Center scope`},
		{"scope with a quote", func(p *OAuth2Params) { p.Scope = `READ"` }, ErrScope, FieldScope, "quotes"},
		{"bad header name", func(p *OAuth2Params) { p.CustomHeaders = map[string]string{"X Bad": "v"} }, ErrCustomHeaders, FieldCustomHeaders, `"X Bad" is not a header name`},
		{"empty header value", func(p *OAuth2Params) { p.CustomHeaders = map[string]string{"X-A": ""} }, ErrCustomHeaders, FieldCustomHeaders, "0 characters"},
		{"long header value", func(p *OAuth2Params) { p.CustomHeaders = map[string]string{"X-A": strings.Repeat("v", 1025)} }, ErrCustomHeaders, FieldCustomHeaders, "1025 characters"},
		{"header injection", func(p *OAuth2Params) { p.CustomHeaders = map[string]string{"X-A": "v\r\nHost: evil"} }, ErrCustomHeaders, FieldCustomHeaders, "line break"},
		{"31 headers", func(p *OAuth2Params) {
			p.CustomHeaders = map[string]string{}
			for i := range 31 {
				p.CustomHeaders["X-"+strings.Repeat("a", i+1)] = "v"
			}
		}, ErrCustomHeaders, FieldCustomHeaders, "31 headers"},
		{"server needs the JIRA URL", func(p *OAuth2Params) { p.JIRAURL = "" }, ErrJIRAURL, "", "empty"},
		{"cloud script saying JIRA_URL needs it", func(p *OAuth2Params) { p.Flavor, p.JIRAURL = FlavorCloud, "" }, ErrJIRAURL, "", "empty"},
		{"bad JIRA URL", func(p *OAuth2Params) { p.JIRAURL = "https://jira.example.com/rest/oauth2/latest/token" }, ErrJIRAURL, "", "a page of JIRA"},
		{"bad name", func(p *OAuth2Params) { p.Name = "jira_oauth2" }, ErrName, "", "pattern"},
		{"no script", func(p *OAuth2Params) { p.Script = "" }, ErrScript, "", "dc.js is empty"},
		{"script syntax", func(p *OAuth2Params) { p.Script = "function(accessToken, ctx, cb) {\n  cb(null, {user_id: });\n}" }, ErrScript, "", "dc.js:2:22"},
		{"script too long", func(p *OAuth2Params) {
			p.Script = "function(accessToken, ctx, cb) {\n//" + strings.Repeat("x", 51200) + "\n}"
		}, ErrScriptSize, "", "51200"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := goodOAuth2(FlavorServer)
			c.edit(&p)
			v, err := ValidateOAuth2(p)
			require.Error(t, err)
			assert.Nil(t, v)
			assert.ErrorIs(t, err, c.sentinel)
			probs := Problems(err)
			require.Len(t, probs, 1, "one problem: %v", err)
			if c.field != "" {
				assert.Equal(t, c.field, string(probs[0].Field))
			}
			assert.Contains(t, err.Error(), c.text)
			assert.NotContains(t, err.Error(), o2Secret, "no secret in the message")
			assert.NotContains(t, err.Error(), "MII", "no key material in the message")
		})
	}
}

func TestValidateOAuth2ReportsAllProblems(t *testing.T) {
	_, err := ValidateOAuth2(OAuth2Params{Scope: "ADMINS", Name: "-x", Script: "x = ;"})
	require.Error(t, err)
	for _, s := range []error{ErrJIRAURL, ErrClientID, ErrClientSecret, ErrScope, ErrName, ErrScript} {
		assert.ErrorIs(t, err, s)
	}
	assert.Len(t, Problems(err), 6)
}

func TestValidateOAuth2Warnings(t *testing.T) {
	cases := []struct {
		name string
		edit func(p *OAuth2Params)
		want string // "" = no warning
	}{
		{"clean", func(p *OAuth2Params) {}, ""},
		{"http", func(p *OAuth2Params) { p.JIRAURL = "http://jira.example.com" }, "the JIRA URL uses http"},
		{"cloud without read:me", func(p *OAuth2Params) { p.Flavor, p.Scope = FlavorCloud, "read:jira-user" }, "lacks read:me"},
		{"an OAuth 1.0a script", func(p *OAuth2Params) {
			p.Script = "function(token, tokenSecret, ctx, cb) { cb(null, {user_id: 'x'}); }"
		}, "dc.js: the function takes 4 parameters; Auth0 calls an oauth2 script as fetchUserProfile(accessToken, ctx, callback): this looks like an OAuth 1.0a script"},
		{"an arrow with two", func(p *OAuth2Params) { p.Script = "(token, cb) => cb(null, {user_id: 'x'})" }, "takes 2 parameters"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := goodOAuth2(FlavorServer)
			c.edit(&p)
			v, err := ValidateOAuth2(p)
			require.NoError(t, err)
			if c.want == "" {
				assert.Empty(t, v.Warnings)
				return
			}
			require.Len(t, v.Warnings, 1)
			assert.Contains(t, v.Warnings[0], c.want)
		})
	}
}

func TestOAuth2Redacted(t *testing.T) {
	p := goodOAuth2(FlavorCloud)
	p.Script = "function(accessToken, ctx, cb) {\n  var s = '" + o2Secret + "';\n  cb(null, {user_id: 'JIRA_URL'});\n}"
	p.CustomHeaders = map[string]string{"Authorization": "Basic cHJveHk6cGFzc3dvcmQ=", "X-Trace": "on"}
	b, err := BuildOAuth2(p)
	require.NoError(t, err)
	r := b.Redacted()
	assert.Equal(t, redact.Mask, r.Options.ClientSecret)
	assert.Equal(t, o2Secret, b.Options.ClientSecret, "the original is untouched")
	assert.Equal(t, "Basic cHJveHk6cGFzc3dvcmQ=", b.Options.CustomHeaders["Authorization"], "the original is untouched")
	assert.Equal(t, map[string]string{"Authorization": redact.Mask, "X-Trace": "on"}, r.Options.CustomHeaders)
	assert.Contains(t, r.Options.Scripts.FetchUserProfile, "var s = '"+redact.Mask+"'")
	for _, out := range [][]byte{r.JSON(), r.Indent(), r.HAR("").Indent(), b.Masked().Indent()} {
		assert.NotContains(t, string(out), o2Secret)
		assert.NotContains(t, string(out), "cHJveHk6cGFzc3dvcmQ=")
	}
	assert.ElementsMatch(t, []string{o2Secret, "Basic cHJveHk6cGFzc3dvcmQ="}, b.Secrets())
}

func TestOAuth2HAR(t *testing.T) {
	b, err := BuildOAuth2(goodOAuth2(FlavorServer))
	require.NoError(t, err)
	var built Built = b
	h := built.Masked().HAR("https://example.eu.auth0.com/")
	assert.Equal(t, "POST", h.Method)
	assert.Equal(t, "https://example.eu.auth0.com/api/v2/connections", h.URL)
	assert.Contains(t, h.Headers, HARNameValue{Name: "Authorization", Value: "Bearer [REDACTED]"})
	require.NotNil(t, h.PostData)
	var body OAuth2Body
	require.NoError(t, json.Unmarshal([]byte(h.PostData.Text), &body))
	assert.Equal(t, StrategyOAuth2, body.Strategy)
	assert.Equal(t, redact.Mask, body.Options.ClientSecret)
	assert.Equal(t, "https://jira.example.com/rest/oauth2/latest/token", body.Options.TokenURL)
	assert.Equal(t, PlaceholderTenant+ConnectionsPath, b.Redacted().HAR("").URL)
	assert.NotContains(t, string(h.Indent()), o2Secret)
}

func TestOAuth2BodyStableOrder(t *testing.T) {
	p := goodOAuth2(FlavorCloud)
	p.CustomHeaders = map[string]string{"X-B": "2", "X-A": "1"}
	b, err := BuildOAuth2(p)
	require.NoError(t, err)
	s := string(b.JSON())
	last := -1
	for _, k := range []string{`"name"`, `"strategy"`, `"options"`, `"client_id"`, `"client_secret"`, `"authorizationURL"`, `"tokenURL"`,
		`"scope"`, `"pkce_enabled"`, `"authParams"`, `"audience"`, `"prompt"`, `"customHeaders"`, `"X-A"`, `"X-B"`, `"scripts"`, `"fetchUserProfile"`} {
		i := strings.Index(s, k)
		require.Greater(t, i, last, "%s in order", k)
		last = i
	}
	assert.Equal(t, s, string(b.JSON()))
}
