package live

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dghubble/oauth1"
	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noRedirect is a client that hands back redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// approvalRedirect opens the authorize URL on a mock that auto-approves and
// returns where JIRA sends the browser: the callback with oauth_token and
// oauth_verifier.
func approvalRedirect(t testing.TB, authURL string) *url.URL {
	resp, err := noRedirect.Get(authURL)
	if !assert.NoError(t, err) {
		return nil
	}
	resp.Body.Close()
	loc, err := resp.Location()
	if !assert.NoError(t, err, "status %d", resp.StatusCode) {
		return nil
	}
	return loc
}

// browse stands in for the person's browser: it follows a URL and its
// redirects in the background.
func browse(t testing.TB, u string) {
	go func() {
		resp, err := http.Get(u)
		if err == nil {
			resp.Body.Close()
		}
	}()
}

// sessionName asks the mock who the access token belongs to.
func sessionName(t *testing.T, jira string, tok *oauth1.Token) string {
	cfg := &oauth1.Config{ConsumerKey: bridge.DefaultConsumerKey, Signer: &oauth1.RSASigner{PrivateKey: testKey(t)}}
	resp, err := cfg.Client(context.Background(), tok).Get(jira + "/rest/auth/1/session")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	require.Equal(t, 200, resp.StatusCode, string(body))
	var s struct{ Name string }
	require.NoError(t, json.Unmarshal(body, &s))
	return s.Name
}

func TestRunApprovedThroughCallback(t *testing.T) {
	jira := newMock(t, jiramock.Config{AutoApprove: "jdoe"})
	var progress strings.Builder
	tok, err := Run(context.Background(), Options{
		JIRAURL: jira, ConsumerKey: bridge.DefaultConsumerKey, PrivateKey: testKey(t), ApproveTimeout: 10 * time.Second,
		OpenBrowser: func(u string) error { browse(t, u); return nil },
		Progress:    &progress,
	})
	require.NoError(t, err, progress.String())
	assert.Len(t, tok.Token, 32)
	assert.Equal(t, "jdoe", sessionName(t, jira, tok), "the token acts as the user who approved")
	assert.Contains(t, progress.String(), jira+AuthorizePath+"?oauth_token=")
	assert.NotContains(t, progress.String(), tok.TokenSecret)
}

func TestRunApprovalTimeout(t *testing.T) {
	jira := newMock(t, jiramock.Config{})
	opened := false
	e, err := runQuick(t, Options{
		JIRAURL: jira, ConsumerKey: bridge.DefaultConsumerKey, PrivateKey: testKey(t), ApproveTimeout: 50 * time.Millisecond,
		OpenBrowser: func(string) error { opened = true; return nil }, // nobody approves
	})
	require.Error(t, err)
	assert.True(t, opened)
	assert.Equal(t, KindTimeout, e.Kind)
	assert.Contains(t, e.Error(), "no approval within 50ms")
	assert.Contains(t, e.Advice, "--approve-timeout")
	assert.Contains(t, e.Advice, "--oob")
}

func TestRunTokenMismatch(t *testing.T) {
	jira := newMock(t, jiramock.Config{AutoApprove: "fred"})
	e, err := runQuick(t, Options{
		JIRAURL: jira, ConsumerKey: bridge.DefaultConsumerKey, PrivateKey: testKey(t),
		OpenBrowser: func(u string) error {
			// The browser comes back with another request's approval.
			if loc := approvalRedirect(t, u); loc != nil {
				q := loc.Query()
				q.Set("oauth_token", "someOtherRequestToken")
				loc.RawQuery = q.Encode()
				browse(t, loc.String())
			}
			return nil
		},
	})
	require.Error(t, err)
	assert.Equal(t, KindMismatch, e.Kind)
	assert.Contains(t, e.Advice, "Run bridge live again")
}

func TestRunOOB(t *testing.T) {
	jira := newMock(t, jiramock.Config{AutoApprove: "fred"})
	stdin, typist := io.Pipe()
	defer typist.Close()
	var progress strings.Builder
	tok, err := Run(context.Background(), Options{
		JIRAURL: jira, ConsumerKey: bridge.DefaultConsumerKey, PrivateKey: testKey(t), OOB: true, ApproveTimeout: 10 * time.Second,
		Stdin: stdin, Progress: &progress,
		OpenBrowser: func(u string) error {
			go func() {
				// JIRA shows the verifier on a page; the person pastes it.
				v := oobVerifier(t, u)
				io.WriteString(typist, "\n"+v+"\n")
			}()
			return nil
		},
	})
	require.NoError(t, err, progress.String())
	assert.Equal(t, "fred", sessionName(t, jira, tok))
	assert.Contains(t, progress.String(), "Paste the verifier")
}

func TestRunOOBWrongVerifier(t *testing.T) {
	cases := []struct {
		name        string
		approve     bool
		wantProblem string
		wantAdvice  string
	}{
		{"approved, wrong verifier", true, "token_rejected", "verifier does not match"},
		{"never approved", false, "permission_unknown", "Approve it in the browser first"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			jira := newMock(t, jiramock.Config{AutoApprove: "fred"})
			e, err := runQuick(t, Options{
				JIRAURL: jira, ConsumerKey: bridge.DefaultConsumerKey, PrivateKey: testKey(t), OOB: true,
				Stdin: strings.NewReader("zz99zz\n"),
				OpenBrowser: func(u string) error {
					if c.approve {
						oobVerifier(t, u)
					}
					return nil
				},
			})
			require.Error(t, err)
			assert.Equal(t, KindProblem, e.Kind)
			assert.Equal(t, StepAccessToken, e.Step)
			assert.Equal(t, c.wantProblem, e.Problem)
			assert.Contains(t, e.Advice, c.wantAdvice)
		})
	}
}

// TestRunThroughApprovalPage uses the mock's approval page as a person does:
// pick a user, then Allow or Deny.
func TestRunThroughApprovalPage(t *testing.T) {
	cases := []struct {
		button   string
		wantUser string
		wantKind Kind
	}{
		{button: "approve", wantUser: "jdoe"},
		{button: "deny", wantKind: KindDenied},
	}
	for _, c := range cases {
		t.Run(c.button, func(t *testing.T) {
			jira := newMock(t, jiramock.Config{})
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			tok, err := Run(ctx, Options{
				JIRAURL: jira, ConsumerKey: bridge.DefaultConsumerKey, PrivateKey: testKey(t), ApproveTimeout: 10 * time.Second,
				OpenBrowser: func(u string) error {
					go func() {
						if loc := submitApproval(t, u, "jdoe", c.button); loc != nil {
							browse(t, loc.String())
						}
					}()
					return nil
				},
			})
			if c.wantKind != "" {
				var e *Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, c.wantKind, e.Kind)
				assert.Contains(t, e.Error(), "clicked Deny")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.wantUser, sessionName(t, jira, tok))
		})
	}
}

// TestRunFastBrowser: a browser that comes back before Run even starts to
// wait still counts: the callback knows the request token before the URL is
// shown.
func TestRunFastBrowser(t *testing.T) {
	jira := newMock(t, jiramock.Config{AutoApprove: "fred"})
	tok, err := Run(context.Background(), Options{
		JIRAURL: jira, ConsumerKey: bridge.DefaultConsumerKey, PrivateKey: testKey(t), ApproveTimeout: 10 * time.Second,
		OpenBrowser: func(u string) error {
			resp, err := http.Get(u) // follows the redirect to the callback before returning
			if err != nil {
				return err
			}
			resp.Body.Close()
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			return nil
		},
	})
	require.NoError(t, err)
	assert.Equal(t, "fred", sessionName(t, jira, tok))
}
