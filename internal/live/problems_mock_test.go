package live

import (
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunProblemsFromMock provokes each advised oauth_problem of the request
// token step against the mock JIRA, which checks as JIRA does (docs/jira.md "OAuth 1.0a provider").
func TestRunProblemsFromMock(t *testing.T) {
	cases := []struct {
		name        string
		cfg         jiramock.Config
		consumerKey string
		wrongKey    bool
		wantStatus  int
		wantProblem string
		wantAdvice  []string
	}{
		{
			name: "another key pair: signature_invalid, with JIRA's base string", wrongKey: true,
			wantStatus: 401, wantProblem: "signature_invalid",
			wantAdvice: []string{"does not match the private key wrong.pem", "openssl rsa -in wrong.pem -pubout",
				"JIRA reported this signature base string:\n  POST&http%3A%2F%2F127.0.0.1%3A", "%2Fplugins%2Fservlet%2Foauth%2Frequest-token&oauth_callback%3D"},
		},
		{
			name: "a consumer key JIRA does not know: consumer_key_unknown", consumerKey: "not-the-link's-key",
			wantStatus: 401, wantProblem: "consumer_key_unknown",
			wantAdvice: []string{`no consumer with the key "not-the-link's-key"`, "incoming consumer key differs"},
		},
		{
			name: "JIRA's clock an hour ahead: timestamp_refused, with the range", cfg: jiramock.Config{Now: func() time.Time { return time.Now().Add(time.Hour) }},
			wantStatus: 400, wantProblem: "timestamp_refused",
			wantAdvice: []string{"JIRA accepts timestamps from", "behind JIRA's", "NTP"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			jira := newMock(t, c.cfg)
			opts := Options{JIRAURL: jira, ConsumerKey: bridge.DefaultConsumerKey, PrivateKey: testKey(t), PrivateKeyFile: "test.key"}
			if c.consumerKey != "" {
				opts.ConsumerKey = c.consumerKey
			}
			if c.wrongKey {
				opts.PrivateKey, opts.PrivateKeyFile = wrongKey(t), "wrong.pem"
			}
			e, err := runQuick(t, opts)
			require.Error(t, err)
			assert.Equal(t, KindProblem, e.Kind)
			assert.Equal(t, StepRequestToken, e.Step)
			assert.Equal(t, c.wantStatus, e.Status)
			assert.Equal(t, c.wantProblem, e.Problem)
			for _, w := range c.wantAdvice {
				assert.Contains(t, e.Advice, w)
			}
			assert.False(t, strings.Contains(e.Advice, "another address"), "the mock is where we sent the request")
		})
	}
}
