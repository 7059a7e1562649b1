package jiramock

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// runScriptInNode runs an OAuth 2.0 fetchUserProfile as Auth0 calls it,
// fn(accessToken, ctx, cb), in the real Node of rt with the real
// request@2.88.2 (testenv: `make node-deps`; a missing one fails under
// CI=true, skips elsewhere), and returns the profile or the error's message
// and cause code.
func runScriptInNode(t *testing.T, rt testenv.Runtime, script, token string) (profile map[string]any, errMsg string) {
	t.Helper()
	rt.NeedModule(t, "request", "2.88.2")
	// Auth0's sandbox has request as a global too (the generic OAuth2 guide's
	// example uses it without require).
	harness := `global.request = require('request');
const fn = (` + script + `);
fn(process.argv[1], {}, function(err, profile) {
  if (err) { console.log(JSON.stringify({error: err.message, cause: err.cause ? String(err.cause.code || err.cause) : ''})); return; }
  console.log(JSON.stringify({profile: profile}));
});`
	cmd := rt.Need(t).Command("-e", harness, token)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var r struct {
		Profile map[string]any
		Error   string
		Cause   string
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("node printed %s: %v", out, err)
	}
	if r.Cause != "" {
		r.Error += " [cause " + r.Cause + "]"
	}
	return r.Profile, r.Error
}

// TestShippedOAuth2ScriptsInNode runs scripts/oauth2/server.js and cloud.js
// in Node against the mock. Cloud's fixed https://api.atlassian.com is
// pointed at the mock by text here; bridge's sandbox maps the host instead.
func TestShippedOAuth2ScriptsInNode(t *testing.T) {
	testenv.ForEachNode(t, testShippedOAuth2ScriptsInNode)
}

func testShippedOAuth2ScriptsInNode(t *testing.T, rt testenv.Runtime) {
	m := newMock(t, Config{})
	dc := bridge.RenderScript(bridge.ShippedOAuth2ServerScript, m.URL())
	cloud := strings.ReplaceAll(bridge.ShippedOAuth2CloudScript, "https://api.atlassian.com", m.URL())
	mint := func(g OAuth2Grant) string {
		tok, err := m.MintOAuth2Token(g)
		if err != nil {
			t.Fatal(err)
		}
		return tok.AccessToken
	}
	body := "<html>Bad gateway</html>"

	p, e := runScriptInNode(t, rt, dc, mint(OAuth2Grant{User: "jdoe"}))
	if e != "" || p["user_id"] != "jdoe" || p["email"] != "jane.doe@example.com" || p["name"] == nil || p["groups"] == nil {
		t.Errorf("DC profile %v, error %q", p, e)
	}
	p, e = runScriptInNode(t, rt, cloud, mint(OAuth2Grant{Flavor: Cloud}))
	if e != "" || p["user_id"] != "5b10a2844c20165700ede21g" || p["email"] != "mia@example.com" || p["name"] != "Mia Krystof" || p["locale"] != "en-US" {
		t.Errorf("Cloud profile %v, error %q", p, e)
	}
	if _, has := p["email_verified"]; has {
		t.Errorf("Cloud profile guesses email_verified: %v", p)
	}
	for _, tc := range []struct {
		name, script, token string
		want                []string
	}{
		{"DC expired", dc, mint(OAuth2Grant{ExpiresIn: -time.Minute}), []string{"HTTP 401", `error="invalid_token"`}},
		{"DC under-scoped", dc, mint(OAuth2Grant{Scopes: []string{}}), []string{"HTTP 403", "insufficient_scope"}},
		{"DC 5xx", dc, mint(OAuth2Grant{Faults: Faults{EndpointMyself: {Status: 502, Body: &body}}}), []string{"HTTP 502", "Bad gateway"}},
		{"Cloud expired", cloud, mint(OAuth2Grant{Flavor: Cloud, ExpiresIn: -time.Minute}), []string{"HTTP 401", "invalid_token"}},
		{"Cloud under-scoped", cloud, mint(OAuth2Grant{Flavor: Cloud, Scopes: []string{"read:jira-user"}}), []string{"HTTP 401", "scope does not match"}},
		{"Cloud 5xx", cloud, mint(OAuth2Grant{Flavor: Cloud, Faults: Faults{EndpointMe: {Status: 503, Body: &body}}}), []string{"HTTP 503"}},
		{"Cloud dropped", cloud, mint(OAuth2Grant{Flavor: Cloud, Faults: Faults{EndpointMe: {Drop: true}}}), []string{"failed", "cause ECONNRESET"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, e := runScriptInNode(t, rt, tc.script, tc.token)
			if p != nil {
				t.Fatalf("profile %v, want an error", p)
			}
			for _, w := range tc.want {
				if !strings.Contains(e, w) {
					t.Errorf("error %q lacks %q", e, w)
				}
			}
		})
	}
}

// auth0GenericExample is the fetchUserProfile of Auth0's "Connect Apps to
// Generic OAuth2 Authorization Servers" guide (request.get with a Bearer
// header), pointed at the mock's Data Center /rest/api/2/myself.
const auth0GenericExample = `function(access_token, ctx, callback) {
  request.get('JIRA_URL/rest/api/2/myself', {
      'headers': {
          'Authorization': 'Bearer ' + access_token,
          'User-Agent': 'Auth0'
        }
    }, function(e,r,b){
    if( e ) return callback(e);
    if( r.statusCode !== 200 ) return callback(new Error('StatusCode:'+r.statusCode));
      callback(null,JSON.parse(b));
   });
}`

// TestAuth0GenericOAuth2ExampleInNode: Auth0's own generic example runs to a
// profile against the mock's Data Center flavour; it maps no user_id (JIRA's
// user has none), which is what bridge's rules will flag.
func TestAuth0GenericOAuth2ExampleInNode(t *testing.T) {
	testenv.ForEachNode(t, testAuth0GenericOAuth2ExampleInNode)
}

func testAuth0GenericOAuth2ExampleInNode(t *testing.T, rt testenv.Runtime) {
	m := newMock(t, Config{})
	tok, err := m.MintOAuth2Token(OAuth2Grant{User: "fred"})
	if err != nil {
		t.Fatal(err)
	}
	p, e := runScriptInNode(t, rt, bridge.RenderScript(auth0GenericExample, m.URL()), tok.AccessToken)
	if e != "" || p["name"] != "fred" {
		t.Fatalf("profile %v, error %q", p, e)
	}
	if _, has := p["user_id"]; has {
		t.Errorf("the example's profile has a user_id: %v", p)
	}
	p, e = runScriptInNode(t, rt, bridge.RenderScript(auth0GenericExample, m.URL()), "expired-or-unknown")
	if p != nil || e != "StatusCode:401" {
		t.Errorf("with a bad token: profile %v, error %q; want StatusCode:401", p, e)
	}
}
