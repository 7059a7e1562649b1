package live

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseProblem(t *testing.T) {
	cases := []struct {
		name        string
		header      string
		body        string
		wantProblem string
		wantParams  map[string]string
	}{
		{
			name:        "header and body, as net.oauth's OAuthServlet writes them",
			header:      `OAuth realm="http%3A%2F%2Fjira.example.com", oauth_problem="timestamp_refused", oauth_acceptable_timestamps="100-700"`,
			body:        "oauth_problem=timestamp_refused&oauth_acceptable_timestamps=100-700",
			wantProblem: "timestamp_refused",
			wantParams:  map[string]string{"realm": "http://jira.example.com", "oauth_acceptable_timestamps": "100-700"},
		},
		{
			name:        "the real Cloud reply: body only",
			body:        "oauth_problem=signature_invalid&oauth_signature=abc%2B%3D&oauth_signature_base_string=GET%26https%253A%252F%252Fx.atlassian.net%252Frest&oauth_signature_method=RSA-SHA1",
			wantProblem: "signature_invalid",
			wantParams: map[string]string{
				"oauth_signature":             "abc+=",
				"oauth_signature_base_string": "GET&https%3A%2F%2Fx.atlassian.net%2Frest",
				"oauth_signature_method":      "RSA-SHA1",
			},
		},
		{
			name:        "header only; a percent-encoded plus stays a plus, a raw plus too",
			header:      `OAuth oauth_problem="signature_invalid", oauth_signature="a%2Bb+c"`,
			wantProblem: "signature_invalid",
			wantParams:  map[string]string{"oauth_signature": "a+b+c"},
		},
		{
			name:        "the header wins over the body",
			header:      `OAuth oauth_problem="consumer_key_unknown"`,
			body:        "oauth_problem=token_rejected",
			wantProblem: "consumer_key_unknown",
		},
		{
			name:        "scheme name in another case, no spaces after commas, unquoted value",
			header:      `oauth oauth_problem=token_expired,oauth_problem_advice="go%20again"`,
			wantProblem: "token_expired",
			wantParams:  map[string]string{"oauth_problem_advice": "go again"},
		},
		{name: "a Basic challenge is not an OAuth problem", header: `Basic realm="jira"`},
		{name: "an HTML error page is not an OAuth problem", body: "<html><body>Forbidden</body></html>"},
		{name: "a token reply is not a problem", body: "oauth_token=a&oauth_token_secret=b"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := http.Header{}
			if c.header != "" {
				h.Set("WWW-Authenticate", c.header)
			}
			problem, params := ParseProblem(h, []byte(c.body))
			assert.Equal(t, c.wantProblem, problem)
			for k, v := range c.wantParams {
				assert.Equal(t, v, params.Get(k), k)
			}
		})
	}
}
