package jiramock

import (
	"context"
	"crypto/rsa"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/dghubble/oauth1"
)

// danceCallback is the callback the dance registers. It is never fetched: the
// dance reads the verifier from the redirect's Location.
const danceCallback = "http://127.0.0.1/bridge/oauth-callback"

var (
	atlTokenRe    = regexp.MustCompile(`name="atl_token"\s+value="([^"]*)"`)
	firstOptionRe = regexp.MustCompile(`<select[^>]*name="user"[^>]*>\s*<option value="([^"]*)"`)
)

// Dance does the whole 3-legged OAuth dance (RFC 5849 §2) as a
// dghubble/oauth1 client against a jiramock server (or any JIRA showing the
// mock's approval page): request token, approval page (GET, pick user, POST
// Allow with atl_token), access token. user "" picks the page's first user.
func Dance(ctx context.Context, baseURL, consumerKey string, key *rsa.PrivateKey, user string) (token, secret string, err error) {
	baseURL = strings.TrimRight(baseURL, "/")
	client := &http.Client{
		Transport:     ctxTransport{ctx},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       30 * time.Second,
	}
	cfg := &oauth1.Config{
		ConsumerKey: consumerKey,
		CallbackURL: danceCallback,
		Endpoint: oauth1.Endpoint{
			RequestTokenURL: baseURL + pathRequestToken,
			AuthorizeURL:    baseURL + pathAuthorize,
			AccessTokenURL:  baseURL + pathAccessToken,
		},
		Signer:     &oauth1.RSASigner{PrivateKey: key},
		HTTPClient: client,
	}
	rt, rs, err := cfg.RequestToken()
	if err != nil {
		return "", "", fmt.Errorf("jiramock: dance: request token: %w", err)
	}
	authURL, err := cfg.AuthorizationURL(rt)
	if err != nil {
		return "", "", fmt.Errorf("jiramock: dance: %w", err)
	}
	resp, page, err := fetch(client, http.MethodGet, authURL.String(), nil)
	if err != nil {
		return "", "", fmt.Errorf("jiramock: dance: approval page: %w", err)
	}
	if resp.StatusCode == http.StatusOK { // not auto-approved: fill in the form
		m := atlTokenRe.FindStringSubmatch(page)
		if m == nil {
			return "", "", errors.New("jiramock: dance: the approval page has no atl_token field: is this JIRA's OAuth approval page?")
		}
		if user == "" {
			o := firstOptionRe.FindStringSubmatch(page)
			if o == nil {
				return "", "", errors.New("jiramock: dance: the approval page offers no user to log in as")
			}
			user = html.UnescapeString(o[1])
		}
		form := url.Values{"oauth_token": {rt}, "atl_token": {html.UnescapeString(m[1])}, "user": {user}, "approve": {"Allow"}}
		resp, page, err = fetch(client, http.MethodPost, baseURL+pathAuthorize, form)
		if err != nil {
			return "", "", fmt.Errorf("jiramock: dance: approving: %w", err)
		}
	}
	verifier, err := verifierFrom(resp, page)
	if err != nil {
		return "", "", err
	}
	token, secret, err = cfg.AccessToken(rt, rs, verifier)
	if err != nil {
		return "", "", fmt.Errorf("jiramock: dance: access token: %w", err)
	}
	return token, secret, nil
}

// verifierFrom reads oauth_verifier from the approval's redirect Location,
// without following it.
func verifierFrom(resp *http.Response, body string) (string, error) {
	loc := resp.Header.Get("Location")
	if resp.StatusCode < 300 || resp.StatusCode > 399 || loc == "" {
		return "", fmt.Errorf("jiramock: dance: approval answered %d, not a redirect to the callback: %s", resp.StatusCode, snippet(body))
	}
	u, err := url.Parse(loc)
	if err != nil {
		return "", fmt.Errorf("jiramock: dance: bad redirect %q: %w", loc, err)
	}
	v := u.Query().Get("oauth_verifier")
	switch v {
	case "":
		return "", fmt.Errorf("jiramock: dance: the redirect %q has no oauth_verifier", loc)
	case "denied":
		return "", errors.New("jiramock: dance: access was denied")
	}
	return v, nil
}

func fetch(c *http.Client, method, u string, form url.Values) (*http.Response, string, error) {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		return nil, "", err
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, "", err
	}
	if resp.StatusCode >= 400 {
		return nil, "", fmt.Errorf("status %d: %s", resp.StatusCode, snippet(string(b)))
	}
	return resp, string(b), nil
}

func snippet(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// ctxTransport ties every request of the dance to ctx.
type ctxTransport struct{ ctx context.Context }

func (t ctxTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return http.DefaultTransport.RoundTrip(r.WithContext(t.ctx))
}
