package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
)

// The shipped Cloud script calls https://api.atlassian.com/me by name; with
// the host map, the bytes reach the mock, which answers as api.atlassian.com,
// and the request log shows both the URL asked for and where it went.
func TestHostMapSendsAtlassianToTheMock(t *testing.T) {
	m := newMock(t)
	tok, err := m.MintOAuth2Token(jiramock.OAuth2Grant{Flavor: jiramock.Cloud})
	require.NoError(t, err)
	p := compileJS(t, bridge.ShippedOAuth2CloudScript)
	res := run(t, p, Options{Protocol: ProtocolOAuth2, Token: tok.AccessToken,
		AllowedHosts: AtlassianHosts, HostMap: MapHosts(m.URL(), AtlassianHosts...)})
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	require.Len(t, res.Requests, 1)
	assert.Equal(t, "https://api.atlassian.com/me", res.Requests[0].URL)
	assert.Equal(t, m.URL(), res.Requests[0].MappedTo)
	assert.Len(t, m.RequestsFor(tok.AccessToken), 1)

	// Without the map the same script is held to the allow-list: the mock's
	// own host is not Atlassian's.
	res = run(t, compileJS(t, `function(t, ctx, cb){ require('request').get('`+m.URL()+`/me', function(e){ cb(e) }) }`),
		Options{Protocol: ProtocolOAuth2, Token: tok.AccessToken, AllowedHosts: AtlassianHosts, HostMap: MapHosts(m.URL(), AtlassianHosts...)})
	require.Equal(t, KindCallback, res.Outcome)
	assert.Contains(t, res.Error.Message, "EACCES")
}

// fetch goes over the same network policy: the host map applies to it too.
func TestHostMapAppliesToFetch(t *testing.T) {
	m := newMock(t)
	tok, err := m.MintOAuth2Token(jiramock.OAuth2Grant{Flavor: jiramock.Cloud})
	require.NoError(t, err)
	p := compileJS(t, `function(accessToken, ctx, cb) {
  fetch('https://api.atlassian.com/me', {headers: {Authorization: 'Bearer ' + accessToken}})
    .then(function(r) { return r.json(); })
    .then(function(me) { cb(null, {user_id: me.account_id}); }, cb);
}`)
	res := run(t, p, Options{Protocol: ProtocolOAuth2, Token: tok.AccessToken, Runtime: RuntimeNode22,
		AllowedHosts: AtlassianHosts, HostMap: MapHosts(m.URL(), AtlassianHosts...)})
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	assert.JSONEq(t, `{"user_id":"5b10a2844c20165700ede21g"}`, string(res.Profile))
	assert.Equal(t, m.URL(), res.Requests[0].MappedTo)
}
