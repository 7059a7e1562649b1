package jiramock

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

var (
	consentRequestRe = regexp.MustCompile(`name="request"\s+value="([^"]*)"`)
	consentActionRe  = regexp.MustCompile(`<form id="oauth2-consent"[^>]*action="([^"]*)"`)
)

// OAuth2Endpoint is the x/oauth2 endpoint of flavour f on a mock (or a Jira
// Data Center) at baseURL: /rest/oauth2/latest/authorize and /token on Data
// Center, /authorize and /oauth/token on Cloud (the mock stands in for
// auth.atlassian.com at its root).
func OAuth2Endpoint(baseURL string, f Flavor) oauth2.Endpoint {
	baseURL = strings.TrimRight(baseURL, "/")
	if f == Cloud {
		return oauth2.Endpoint{AuthURL: baseURL + PathCloudAuthorize, TokenURL: baseURL + PathCloudToken}
	}
	return oauth2.Endpoint{AuthURL: baseURL + PathDCAuthorize, TokenURL: baseURL + PathDCToken}
}

// CloudAuthParams are the authorization parameters Atlassian Cloud requires
// besides RFC 6749's: audience=api.atlassian.com and prompt=consent
// (docs/jira.md "OAuth 2.0").
func CloudAuthParams() []oauth2.AuthCodeOption {
	return []oauth2.AuthCodeOption{
		oauth2.SetAuthURLParam("audience", cloudAudience),
		oauth2.SetAuthURLParam("prompt", cloudPromptConsent),
	}
}

// OAuth2Dance says how DanceOAuth2 authorizes.
type OAuth2Dance struct {
	Flavor Flavor       // "": Server (Data Center)
	Client OAuth2Client // zero: DefaultOAuth2Client()
	User   string       // "": the consent page's first user
	Scopes []string     // nil: DefaultOAuth2Scopes(Flavor)
	PKCE   string       // "" or "S256", "plain", or "none"
}

// DanceOAuth2 does the authorization code grant (RFC 6749 §4.1) with PKCE
// (RFC 7636) as a golang.org/x/oauth2 client against a jiramock server:
// authorize (consent page: pick user, POST Allow with atl_token, or
// auto-approve), read code and state from the redirect, exchange the code.
func DanceOAuth2(ctx context.Context, baseURL string, d OAuth2Dance) (*oauth2.Token, error) {
	f := d.Flavor.orDefault(Server)
	if d.Client == (OAuth2Client{}) {
		d.Client = DefaultOAuth2Client()
	}
	if d.Scopes == nil {
		d.Scopes = DefaultOAuth2Scopes(f)
	}
	client := &http.Client{
		Transport:     ctxTransport{ctx},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       30 * time.Second,
	}
	cfg := &oauth2.Config{ClientID: d.Client.ID, ClientSecret: d.Client.Secret, RedirectURL: d.Client.RedirectURI,
		Endpoint: OAuth2Endpoint(baseURL, f), Scopes: d.Scopes}
	var opts []oauth2.AuthCodeOption
	if f == Cloud {
		opts = CloudAuthParams()
	}
	verifier := oauth2.GenerateVerifier()
	switch d.PKCE {
	case "", "S256":
		opts = append(opts, oauth2.S256ChallengeOption(verifier))
	case "plain":
		opts = append(opts, oauth2.SetAuthURLParam("code_challenge", verifier), oauth2.SetAuthURLParam("code_challenge_method", "plain"))
	case "none":
		verifier = ""
	default:
		return nil, fmt.Errorf("jiramock: dance: PKCE %q: use S256, plain or none", d.PKCE)
	}
	state := randomAlnum(16)
	resp, page, err := fetch(client, http.MethodGet, cfg.AuthCodeURL(state, opts...), nil)
	if err != nil {
		return nil, fmt.Errorf("jiramock: dance: consent page: %w", err)
	}
	if resp.StatusCode == http.StatusOK {
		if resp, err = approveConsent(client, baseURL, page, d.User); err != nil {
			return nil, err
		}
	}
	code, err := CodeFromRedirect(resp.Header.Get("Location"), state)
	if err != nil {
		return nil, err
	}
	var ex []oauth2.AuthCodeOption
	if verifier != "" {
		ex = append(ex, oauth2.VerifierOption(verifier))
	}
	tok, err := cfg.Exchange(context.WithValue(ctx, oauth2.HTTPClient, client), code, ex...)
	if err != nil {
		return nil, fmt.Errorf("jiramock: dance: token: %w", err)
	}
	return tok, nil
}

// approveConsent fills in the consent page: the user (or the first one), the
// page's request and atl_token, Allow.
func approveConsent(client *http.Client, baseURL, page, user string) (*http.Response, error) {
	req, tok, act := consentRequestRe.FindStringSubmatch(page), atlTokenRe.FindStringSubmatch(page), consentActionRe.FindStringSubmatch(page)
	if req == nil || tok == nil || act == nil {
		return nil, errors.New("jiramock: dance: the consent page has no request, atl_token or form action: is this the mock's consent page?")
	}
	if user == "" {
		o := firstOptionRe.FindStringSubmatch(page)
		if o == nil {
			return nil, errors.New("jiramock: dance: the consent page offers no user to log in as")
		}
		user = html.UnescapeString(o[1])
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("jiramock: dance: base URL: %w", err)
	}
	action := u.Scheme + "://" + u.Host + html.UnescapeString(act[1])
	form := url.Values{"request": {html.UnescapeString(req[1])}, "atl_token": {html.UnescapeString(tok[1])}, "user": {user}, "approve": {"Allow"}}
	resp, _, err := fetch(client, http.MethodPost, action, form)
	if err != nil {
		return nil, fmt.Errorf("jiramock: dance: approving: %w", err)
	}
	return resp, nil
}

// CodeFromRedirect reads the code from the authorization response's
// redirect (RFC 6749 §4.1.2), checking state; an error response
// (§4.1.2.1) becomes an error naming its code.
func CodeFromRedirect(loc, state string) (string, error) {
	if loc == "" {
		return "", errors.New("jiramock: dance: the authorization answered without a redirect")
	}
	u, err := url.Parse(loc)
	if err != nil {
		return "", fmt.Errorf("jiramock: dance: bad redirect %q: %w", loc, err)
	}
	q := u.Query()
	if e := q.Get("error"); e != "" {
		return "", fmt.Errorf("jiramock: dance: authorization failed: %s: %s", e, q.Get("error_description"))
	}
	if q.Get("state") != state {
		return "", fmt.Errorf("jiramock: dance: the redirect's state %q is not the one sent (RFC 6749 §10.12)", q.Get("state"))
	}
	if q.Get("code") == "" {
		return "", fmt.Errorf("jiramock: dance: the redirect %q has no code", loc)
	}
	return q.Get("code"), nil
}
