package script

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
)

// The shipped script and the seed's against internal/jiramock, which checks
// every signature as JIRA does (docs/jira.md "OAuth 1.0a provider"): the shim's requests must verify.

func mockRun(t *testing.T, m *jiramock.Mock, p *Program, g jiramock.Grant, timeout time.Duration) *Result {
	t.Helper()
	g.ConsumerKey = bridge.DefaultConsumerKey
	token, secret, err := m.MintAccessToken(g)
	require.NoError(t, err)
	opts := runOpts(m.URL())
	opts.Token, opts.TokenSecret = token, secret
	if timeout != 0 {
		opts.Timeout = timeout
	}
	res := run(t, p, opts)
	for _, e := range m.RequestsFor(token) {
		assert.Contains(t, []string{"ok"}, e.Verdict, "the mock refused %s %s: %s", e.Method, e.Path, e.Detail)
	}
	return res
}

func newMock(t *testing.T) *jiramock.Mock {
	m, err := jiramock.New(jiramock.Config{})
	require.NoError(t, err)
	t.Cleanup(m.Close)
	return m
}

func body(s string) *string { return &s }

func TestShippedScriptAgainstMock(t *testing.T) {
	m := newMock(t)
	p := shipped(t, m.URL())
	cases := []struct {
		name    string
		grant   jiramock.Grant
		kind    Kind
		userID  string
		message string
	}{
		{name: "server fred", grant: jiramock.Grant{User: "fred"}, kind: KindProfile, userID: "fred"},
		{name: "server jdoe", grant: jiramock.Grant{User: "jdoe"}, kind: KindProfile, userID: "jdoe"},
		{name: "cloud", grant: jiramock.Grant{Flavor: jiramock.Cloud}, kind: KindProfile, userID: "5b10a2844c20165700ede21g"},
		// node-oauth follows a 302 with a new signature (docs/node-oauth.md); the mock checks it.
		{name: "session redirect is re-signed", grant: jiramock.Grant{Faults: jiramock.Faults{
			jiramock.EndpointSession: {Redirect: "/rest/api/2/myself?followed=1"}}}, kind: KindProfile, userID: "fred"},
		{name: "500", grant: jiramock.Grant{Faults: jiramock.Faults{jiramock.EndpointSession: {Status: 500}}},
			kind: KindCallback, message: "JIRA /rest/auth/1/session failed: HTTP 500"},
		{name: "HTML page", grant: jiramock.Grant{Faults: jiramock.Faults{jiramock.EndpointUser: {
			Body: body("<html><body>Log in</body></html>"), ContentType: "text/html"}}},
			kind: KindCallback, message: "returned invalid JSON"},
		{name: "truncated JSON", grant: jiramock.Grant{Faults: jiramock.Faults{jiramock.EndpointUser: {Body: body(`{"name":"fred","emai`)}}},
			kind: KindCallback, message: "returned invalid JSON"},
		{name: "204", grant: jiramock.Grant{Faults: jiramock.Faults{jiramock.EndpointSession: {Status: 204}}},
			kind: KindCallback, message: "answered HTTP 204 where 200 was expected"},
		{name: "dropped connection", grant: jiramock.Grant{Faults: jiramock.Faults{jiramock.EndpointSession: {Drop: true}}},
			kind: KindCallback, message: "socket hang up"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := mockRun(t, m, p, c.grant, 0)
			require.Equal(t, c.kind, res.Outcome, "%+v", res.Error)
			if c.kind == KindProfile {
				var got struct {
					UserID string `json:"user_id"`
				}
				require.NoError(t, jsonUnmarshal(res.Profile, &got))
				assert.Equal(t, c.userID, got.UserID)
				return
			}
			assert.Contains(t, res.Error.Message, c.message)
		})
	}
	t.Run("slow JIRA times out, naming the pending request", func(t *testing.T) {
		res := mockRun(t, m, p, jiramock.Grant{Faults: jiramock.Faults{jiramock.EndpointSession: {Delay: jiramock.Duration{Duration: 5 * time.Second}}}},
			300*time.Millisecond)
		require.Equal(t, KindTimeout, res.Outcome)
		assert.Contains(t, res.Error.Message, "still pending: GET "+m.URL()+"/rest/auth/1/session")
	})
}

func TestSeedOriginalAgainstMock(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/scripts/seed-original.js")
	require.NoError(t, err)
	m := newMock(t)
	p, err := Compile("seed-original.js", bridge.RenderScript(string(seed), m.URL()))
	require.NoError(t, err)

	res := mockRun(t, m, p, jiramock.Grant{Faults: jiramock.Faults{jiramock.EndpointSession: {Status: 204}}}, 0)
	require.Equal(t, KindException, res.Outcome, "%+v", res.Error)
	assert.Equal(t, "ReferenceError: r is not defined", res.Error.Message)

	// A 500 is node-oauth's {statusCode, data} object, which the seed passes on as is.
	res = mockRun(t, m, p, jiramock.Grant{Faults: jiramock.Faults{jiramock.EndpointSession: {Status: 500}}}, 0)
	require.Equal(t, KindCallback, res.Outcome, "%+v", res.Error)
	assert.Contains(t, string(res.Error.Value), `"statusCode":500`)

	// The seed has no Cloud support: /user?username= with an empty name is refused.
	res = mockRun(t, m, p, jiramock.Grant{Flavor: jiramock.Cloud}, 0)
	assert.NotEqual(t, KindProfile, res.Outcome)
}
