package live

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"
)

// freeRedirect is a loopback redirect URI on a port free right now: the
// incoming link's registered redirect URI for one test.
func freeRedirect(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	require.NoError(t, ln.Close())
	return "http://127.0.0.1:" + strconv.Itoa(port) + "/bridge/callback"
}

// oauth2Mock starts a mock whose OAuth 2.0 client redirects to a free
// loopback URI, and the options of a dance against it.
func oauth2Mock(t *testing.T, flavor string, auto string) (*jiramock.Mock, OAuth2Options) {
	t.Helper()
	client := jiramock.OAuth2Client{ID: "it-client", Secret: "it-secret", RedirectURI: freeRedirect(t)}
	f := jiramock.Server
	if flavor == FlavorCloud {
		f = jiramock.Cloud
	}
	m, err := jiramock.New(jiramock.Config{Flavor: f, OAuth2: client, AutoApprove: auto})
	require.NoError(t, err)
	t.Cleanup(m.Close)
	return m, OAuth2Options{Flavor: flavor, JIRAURL: m.URL(), AuthBase: m.URL(), ClientID: client.ID, ClientSecret: client.Secret,
		RedirectURI: client.RedirectURI, ApproveTimeout: 10 * time.Second}
}

// followingBrowser plays a browser that follows the mock's redirect (with
// auto-approve) to bridge's loopback redirect URI.
func followingBrowser(t *testing.T) func(string) error {
	return func(u string) error {
		go func() {
			resp, err := http.Get(u)
			if err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
		return nil
	}
}

func TestRunOAuth2AgainstMock(t *testing.T) {
	for _, tc := range []struct{ flavor, user, me string }{
		{FlavorServer, "jdoe", "/rest/api/2/myself"},
		{FlavorCloud, "5b10a2844c20165700ede21g", jiramock.PathCloudMe},
	} {
		t.Run(tc.flavor, func(t *testing.T) {
			m, opts := oauth2Mock(t, tc.flavor, tc.user)
			opts.OpenBrowser = followingBrowser(t)
			var progress strings.Builder
			opts.Progress = &progress
			tok, err := RunOAuth2(context.Background(), opts)
			require.NoError(t, err, progress.String())
			assert.NotEmpty(t, tok.RefreshToken)
			assert.Contains(t, progress.String(), "code_challenge_method=S256", "the authorization URL uses PKCE")
			if tc.flavor == FlavorCloud {
				assert.Contains(t, progress.String(), "audience=api.atlassian.com")
				assert.Contains(t, progress.String(), "prompt=consent")
			}
			req, _ := http.NewRequest("GET", m.URL()+tc.me, nil)
			tok.SetAuthHeader(req)
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.Equal(t, 200, resp.StatusCode, string(body))
			assert.Contains(t, string(body), tc.user)

			// --save-token keeps the refresh token, and it refreshes.
			path := filepath.Join(t.TempDir(), "token.json")
			require.NoError(t, WriteOAuth2TokenFile(path, NewOAuth2TokenFile(opts, tok)))
			tf, err := ReadOAuth2TokenFile(path)
			require.NoError(t, err)
			assert.Equal(t, tok.RefreshToken, tf.RefreshToken)
			ep, _ := OAuth2Endpoint(opts.Flavor, opts.JIRAURL, opts.AuthBase)
			cfg := &oauth2.Config{ClientID: opts.ClientID, ClientSecret: opts.ClientSecret, Endpoint: ep}
			old := tf.Token()
			old.Expiry = time.Now().Add(-time.Minute)
			fresh, err := cfg.TokenSource(context.Background(), old).Token()
			require.NoError(t, err)
			assert.NotEqual(t, tok.AccessToken, fresh.AccessToken)
		})
	}
}

// TestRunOAuth2OOB: the person pastes the URL the browser landed on.
func TestRunOAuth2OOB(t *testing.T) {
	_, opts := oauth2Mock(t, FlavorServer, "fred")
	opts.OOB = true
	pr, pw := io.Pipe()
	opts.Stdin = pr
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	opts.OpenBrowser = func(u string) error {
		go func() {
			resp, err := noFollow.Get(u)
			if err != nil {
				pw.CloseWithError(err)
				return
			}
			resp.Body.Close()
			_, _ = io.WriteString(pw, "\n"+resp.Header.Get("Location")+"\n")
		}()
		return nil
	}
	tok, err := RunOAuth2(context.Background(), opts)
	require.NoError(t, err)
	assert.NotEmpty(t, tok.AccessToken)
}

func asError(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	require.True(t, errors.As(err, &e), "error %v is not a *live.Error", err)
	assert.NotEmpty(t, e.Advice)
	return e
}

func TestRunOAuth2Errors(t *testing.T) {
	t.Run("wrong client secret: invalid_client", func(t *testing.T) {
		_, opts := oauth2Mock(t, FlavorServer, "fred")
		opts.OpenBrowser = followingBrowser(t)
		opts.ClientSecret = "wrong"
		_, err := RunOAuth2(context.Background(), opts)
		e := asError(t, err)
		assert.Equal(t, KindProblem, e.Kind)
		assert.Equal(t, "invalid_client", e.Code)
		assert.Equal(t, 401, e.Status)
		assert.Contains(t, e.Advice, "--jira-client-secret")
		assert.Contains(t, e.Error(), "error=invalid_client")
	})
	t.Run("wrong client id: the consent page never returns", func(t *testing.T) {
		_, opts := oauth2Mock(t, FlavorCloud, "5b10a2844c20165700ede21g")
		opts.OpenBrowser = followingBrowser(t)
		opts.ClientID = "nobody"
		opts.ApproveTimeout = 300 * time.Millisecond
		_, err := RunOAuth2(context.Background(), opts)
		e := asError(t, err)
		assert.Equal(t, KindTimeout, e.Kind)
		assert.Contains(t, e.Advice, "audience=api.atlassian.com")
		assert.Contains(t, e.Advice, "--oob")
	})
	t.Run("Deny: access_denied", func(t *testing.T) {
		_, opts := oauth2Mock(t, FlavorServer, "")
		opts.OpenBrowser = func(u string) error {
			go denyInMock(t, u)
			return nil
		}
		_, err := RunOAuth2(context.Background(), opts)
		e := asError(t, err)
		assert.Equal(t, KindDenied, e.Kind)
		assert.Contains(t, e.Error(), "clicked Deny")
	})
	t.Run("an unknown scope: invalid_scope", func(t *testing.T) {
		_, opts := oauth2Mock(t, FlavorServer, "fred")
		opts.OpenBrowser = followingBrowser(t)
		opts.Scopes = []string{"read:me"}
		_, err := RunOAuth2(context.Background(), opts)
		e := asError(t, err)
		assert.Equal(t, KindProblem, e.Kind)
		assert.Equal(t, "invalid_scope", e.Code)
		assert.Equal(t, StepAuthorize, e.Step)
	})
	t.Run("a pasted URL of another run: state mismatch", func(t *testing.T) {
		_, opts := oauth2Mock(t, FlavorServer, "fred")
		opts.OOB = true
		opts.Stdin = strings.NewReader(opts.RedirectURI + "?code=abc&state=someone-else\n")
		_, err := RunOAuth2(context.Background(), opts)
		assert.Equal(t, KindMismatch, asError(t, err).Kind)
	})
	t.Run("a pasted code that is not the mock's: invalid_grant", func(t *testing.T) {
		_, opts := oauth2Mock(t, FlavorServer, "fred")
		opts.OOB = true
		opts.Stdin = strings.NewReader("notacode\n")
		_, err := RunOAuth2(context.Background(), opts)
		e := asError(t, err)
		assert.Equal(t, "invalid_grant", e.Code)
		assert.Equal(t, 400, e.Status)
	})
	t.Run("a remote redirect URI without --oob", func(t *testing.T) {
		_, opts := oauth2Mock(t, FlavorServer, "fred")
		opts.RedirectURI = "https://tenant.auth0.com/login/callback"
		_, err := RunOAuth2(context.Background(), opts)
		e := asError(t, err)
		assert.Equal(t, KindInput, e.Kind)
		assert.Contains(t, e.Advice, "--oob")
	})
	t.Run("nothing listens: unreachable", func(t *testing.T) {
		_, opts := oauth2Mock(t, FlavorServer, "fred")
		opts.OOB = true
		opts.JIRAURL = "http://127.0.0.1:1"
		opts.Stdin = strings.NewReader("somecode\n")
		_, err := RunOAuth2(context.Background(), opts)
		assert.Equal(t, KindUnreachable, asError(t, err).Kind)
	})
}

// denyInMock plays a person clicking Deny on the mock's consent page, then
// follows the redirect to bridge.
func denyInMock(t *testing.T, authURL string) {
	resp, err := http.Get(authURL)
	if err != nil {
		return
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	field := func(name string) string {
		s := string(b)
		i := strings.Index(s, `name="`+name+`" value="`)
		if i < 0 {
			return ""
		}
		s = s[i+len(`name="`+name+`" value="`):]
		return s[:strings.IndexByte(s, '"')]
	}
	action := authURL[:strings.Index(authURL, "?")]
	resp, err = http.PostForm(action, map[string][]string{"request": {field("request")}, "atl_token": {field("atl_token")}, "deny": {"Deny"}})
	if err == nil {
		resp.Body.Close()
	}
}

// getBearer GETs u with the token and returns the body and status.
func getBearer(t *testing.T, u string, tok *oauth2.Token) (string, int) {
	t.Helper()
	req, err := http.NewRequest("GET", u, nil)
	require.NoError(t, err)
	tok.SetAuthHeader(req)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b), resp.StatusCode
}

func TestAdviseOAuth2(t *testing.T) {
	seen := map[string]string{}
	for _, code := range []string{"invalid_client", "invalid_grant", "access_denied", "invalid_scope", "unauthorized_client", "invalid_request", "server_error"} {
		a := adviseOAuth2(code, "why")
		assert.Contains(t, a, "Jira adds: why", code)
		for other, b := range seen {
			assert.NotEqual(t, b, a, "%s and %s get the same advice", code, other)
		}
		seen[code] = a
	}
	assert.Contains(t, adviseOAuth2("invalid_request", ""), "prompt=consent")
	assert.Contains(t, consentTimeoutAdvice(FlavorServer, true), "Redirect URL")
	assert.NotContains(t, consentTimeoutAdvice(FlavorServer, true), "--oob", "already --oob")
}
