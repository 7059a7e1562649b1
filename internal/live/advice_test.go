package live

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestAdvise(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	cases := []struct {
		name    string
		problem string
		params  url.Values
		reqURL  string
		want    []string
		notWant []string
	}{
		{
			name: "consumer_key_unknown points at the link's incoming consumer key", problem: "consumer_key_unknown",
			want: []string{`no consumer with the key "my-key"`, "Incoming Authentication", "--consumer-key"},
		},
		{
			name: "signature_invalid blames the key pair and shows JIRA's base string", problem: "signature_invalid",
			params: url.Values{"oauth_signature_base_string": {"POST&https%3A%2F%2Fjira.example.com%2Fplugins%2Fservlet%2Foauth%2Frequest-token&oauth_consumer_key%3Dmy-key"}},
			reqURL: "https://JIRA.example.com:443/plugins/servlet/oauth/request-token",
			want: []string{"public key in the Application Link does not match the private key key.pem", "openssl rsa -in key.pem -pubout",
				"POST&https%3A%2F%2Fjira.example.com%2Fplugins%2Fservlet%2Foauth%2Frequest-token&oauth_consumer_key%3Dmy-key"},
			notWant: []string{"another address"},
		},
		{
			name: "signature_invalid over another URL than JIRA saw blames JIRA's base URL", problem: "signature_invalid",
			params: url.Values{"oauth_signature_base_string": {"POST&http%3A%2F%2Fjira-internal%3A8080%2Fplugins%2Fservlet%2Foauth%2Faccess-token&x%3D1"}},
			reqURL: "https://jira.example.com/plugins/servlet/oauth/access-token",
			want: []string{"JIRA signed the URL http://jira-internal:8080/plugins/servlet/oauth/access-token but the request went to https://jira.example.com/plugins/servlet/oauth/access-token",
				"--jira-url http://jira-internal:8080 "},
		},
		{
			name: "timestamp_refused shows the accepted range and how far off this clock is", problem: "timestamp_refused",
			params: url.Values{"oauth_acceptable_timestamps": {"1799996100-1799996700"}}, // JIRA's clock: 1799996400, an hour behind
			want:   []string{"from 1799996100 to 1799996700", "2027-01-15T06:55:00Z to 2027-01-15T07:05:00Z", "this machine's clock says 1800000000", "about 1h0m0s ahead of JIRA's", "NTP"},
		},
		{
			name: "timestamp_refused without a range still says to fix the clock", problem: "timestamp_refused",
			want: []string{"clock", "NTP"}, notWant: []string{"accepts timestamps from"},
		},
		{name: "permission_denied: the user denied access", problem: "permission_denied", want: []string{"denied access", "click Allow"}},
		{name: "token_expired: ten minutes", problem: "token_expired", want: []string{"10 minutes"}},
		{
			name: "parameter_rejected of the callback suggests --oob", problem: "parameter_rejected",
			params: url.Values{"oauth_parameters_rejected": {"oauth_callback"}}, want: []string{"--oob"},
		},
		{
			name: "parameter_absent names the parameters", problem: "parameter_absent",
			params: url.Values{"oauth_parameters_absent": {"oauth_nonce"}}, want: []string{"oauth_nonce", "Authorization header"},
		},
		{
			name: "an unknown problem is named, with JIRA's own advice", problem: "something_new",
			params: url.Values{"oauth_problem_advice": {"ask your admin"}}, want: []string{"oauth_problem=something_new", "JIRA adds: ask your admin"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			params := c.params
			if params == nil {
				params = url.Values{}
			}
			got := advise(c.problem, adviceInput{JIRAURL: "https://jira.example.com", ConsumerKey: "my-key",
				PrivateKeyFile: "key.pem", RequestURL: c.reqURL, Now: now, Params: params})
			for _, w := range c.want {
				assert.Contains(t, got, w)
			}
			for _, w := range c.notWant {
				assert.NotContains(t, got, w)
			}
		})
	}
}

func TestEveryMockProblemHasAdvice(t *testing.T) {
	// The problems of docs/jira.md "OAuth 1.0a provider" that JIRA answers with.
	for _, p := range []string{"version_rejected", "parameter_absent", "parameter_rejected", "timestamp_refused",
		"signature_method_rejected", "nonce_used", "token_used", "token_expired", "token_revoked", "token_rejected",
		"signature_invalid", "consumer_key_unknown", "consumer_key_rejected", "permission_unknown", "permission_denied",
		"user_refused", "consumer_key_refused"} {
		assert.Contains(t, problemAdvice, p)
	}
}
