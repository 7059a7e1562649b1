package live

import (
	"context"
	"crypto/rsa"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	otherKeyOnce sync.Once
	otherKey     *rsa.PrivateKey
)

// wrongKey is a key pair JIRA does not know.
func wrongKey(t testing.TB) *rsa.PrivateKey {
	otherKeyOnce.Do(func() {
		k, err := keys.Generate(2048)
		require.NoError(t, err)
		otherKey = k
	})
	return otherKey
}

// newMock starts a mock JIRA for one test.
func newMock(t testing.TB, cfg jiramock.Config) string {
	t.Helper()
	m, err := jiramock.New(cfg)
	require.NoError(t, err)
	t.Cleanup(m.Close)
	return m.URL()
}

// runQuick runs the dance with a short approval timeout.
func runQuick(t testing.TB, opts Options) (*Error, error) {
	t.Helper()
	if opts.ApproveTimeout == 0 {
		opts.ApproveTimeout = 5 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := Run(ctx, opts)
	var e *Error
	if err != nil {
		require.ErrorAs(t, err, &e)
	}
	return e, err
}

var (
	oobVerifierRe = regexp.MustCompile(`id="oauth_verifier">([^<]*)<`)
	atlTokenRe    = regexp.MustCompile(`name="atl_token" value="([^"]*)"`)
)

// oobVerifier approves an oob request token on a mock that auto-approves and
// returns the verifier JIRA shows.
func oobVerifier(t testing.TB, authURL string) string {
	resp, err := http.Get(authURL)
	if !assert.NoError(t, err) {
		return ""
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	m := oobVerifierRe.FindSubmatch(page)
	if !assert.NotNil(t, m, "no verifier on the page: %s", page) {
		return ""
	}
	return string(m[1])
}

// submitApproval fills in the mock's approval page as a person would: opens
// it, picks user and presses button ("approve" or "deny") with the page's
// atl_token. It returns where JIRA sends the browser next.
func submitApproval(t testing.TB, authURL, user, button string) *url.URL {
	resp, err := http.Get(authURL)
	if !assert.NoError(t, err) {
		return nil
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := atlTokenRe.FindSubmatch(page)
	if !assert.NotNil(t, m, "no atl_token on the approval page: %s", page) {
		return nil
	}
	u, _ := url.Parse(authURL)
	form := url.Values{"oauth_token": {u.Query().Get("oauth_token")}, "atl_token": {string(m[1])}, "user": {user}, button: {"x"}}
	resp, err = noRedirect.PostForm(u.Scheme+"://"+u.Host+AuthorizePath, form)
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
