package live

import (
	"encoding/json"
	"errors"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorMessageAndJSON(t *testing.T) {
	cases := []struct {
		name     string
		err      *Error
		wantMsg  string
		wantJSON string
	}{
		{
			name: "oauth_problem",
			err: &Error{Kind: KindProblem, Step: StepRequestToken, Status: 401, Problem: "signature_invalid",
				Params: url.Values{"oauth_problem": {"signature_invalid"}, "oauth_signature_base_string": {"POST&x&y"}}, Advice: "fix the key"},
			wantMsg: "live: request token: JIRA answered HTTP 401 oauth_problem=signature_invalid",
			wantJSON: `{"kind":"oauth_problem","step":"request token","status":401,"oauth_problem":"signature_invalid",
				"params":{"oauth_problem":"signature_invalid","oauth_signature_base_string":"POST&x&y"},"advice":"fix the key",
				"message":"live: request token: JIRA answered HTTP 401 oauth_problem=signature_invalid"}`,
		},
		{
			name:     "server error with a body",
			err:      &Error{Kind: KindServer, Step: StepAccessToken, Status: 502, Body: "Bad Gateway"},
			wantMsg:  "live: access token: JIRA answered HTTP 502: Bad Gateway",
			wantJSON: `{"kind":"server_error","step":"access token","status":502,"message":"live: access token: JIRA answered HTTP 502: Bad Gateway"}`,
		},
		{
			name:     "denied",
			err:      &Error{Kind: KindDenied, Step: StepAuthorize, Err: errors.New("access denied")},
			wantMsg:  "live: approval: access denied",
			wantJSON: `{"kind":"denied","step":"approval","message":"live: approval: access denied"}`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.wantMsg, c.err.Error())
			got, err := json.Marshal(c.err)
			require.NoError(t, err)
			assert.JSONEq(t, c.wantJSON, string(got))
		})
	}
}
