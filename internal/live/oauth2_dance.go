package live

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// OAuth2Options configure RunOAuth2.
type OAuth2Options struct {
	Flavor       string   // FlavorServer ("" too) or FlavorCloud
	JIRAURL      string   // Data Center: Jira's base URL
	AuthBase     string   // Cloud: the authorization server; "" = https://auth.atlassian.com (a mock's URL in tests)
	ClientID     string   // the incoming link's or app's client id (--jira-client-id)
	ClientSecret string   // its secret (--jira-client-secret)
	RedirectURI  string   // the registered redirect URI; without OOB a loopback http URL bridge listens on
	Scopes       []string // nil = DefaultOAuth2Scopes(Flavor)
	OOB          bool     // read the pasted redirect URL (or code) from Stdin instead of listening

	ApproveTimeout time.Duration // 0 = DefaultApproveTimeout
	OpenBrowser    func(url string) error
	Stdin          io.Reader
	Progress       io.Writer    // nil = discard
	HTTPClient     *http.Client // nil = a client with a 30 s timeout
}

// RunOAuth2 does the authorization code grant with PKCE S256 (RFC 6749
// §4.1, RFC 7636) with golang.org/x/oauth2, against Jira Data Center's
// OAuth 2.0 provider or Atlassian Cloud (with audience and prompt=consent):
//  1. print the authorization URL and open the browser;
//  2. wait for the redirect to the loopback redirect URI (or the pasted
//     URL with OOB), checking state;
//  3. exchange the code, with the verifier, for the tokens.
//
// Failures are *Error with the OAuth 2.0 error code and advice; a cancelled
// ctx gives ctx's error.
func RunOAuth2(ctx context.Context, opts OAuth2Options) (*oauth2.Token, error) {
	ep, err := OAuth2Endpoint(opts.Flavor, opts.JIRAURL, opts.AuthBase)
	if err != nil {
		return nil, &Error{Kind: KindInput, Step: StepAuthorize, Err: err}
	}
	for _, f := range []struct{ v, flag string }{{opts.ClientID, "--jira-client-id"}, {opts.ClientSecret, "--jira-client-secret"}, {opts.RedirectURI, "--redirect-uri"}} {
		if f.v == "" {
			return nil, &Error{Kind: KindInput, Step: StepAuthorize, Err: fmt.Errorf("no %s: give the incoming link's or app's value", strings.TrimPrefix(f.flag, "--"))}
		}
	}
	if opts.Progress == nil {
		opts.Progress = io.Discard
	}
	if opts.ApproveTimeout <= 0 {
		opts.ApproveTimeout = DefaultApproveTimeout
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: defaultHTTPTimeout}
	}
	scopes := opts.Scopes
	if scopes == nil {
		scopes = DefaultOAuth2Scopes(opts.Flavor)
	}
	cfg := &oauth2.Config{ClientID: opts.ClientID, ClientSecret: opts.ClientSecret, RedirectURL: opts.RedirectURI, Endpoint: ep, Scopes: scopes}
	state, verifier := randomState(), oauth2.GenerateVerifier()
	var cb *CodeCallback
	if !opts.OOB {
		if cb, err = ListenCodeCallback(opts.RedirectURI, state); err != nil {
			return nil, err
		}
		defer cb.Close()
	}
	authOpts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(verifier)}
	if opts.Flavor == FlavorCloud {
		authOpts = append(authOpts, cloudAuthParams()...)
	}
	authURL := cfg.AuthCodeURL(state, authOpts...)
	fmt.Fprintf(opts.Progress, "bridge: open this URL, log in as the user to check, and click Allow:\n\n  %s\n\n", authURL)
	if opts.OpenBrowser != nil {
		if err := opts.OpenBrowser(authURL); err != nil {
			fmt.Fprintf(opts.Progress, "bridge: %v; open the URL yourself\n", err)
		}
	}
	code, err := waitCode(ctx, opts, cb, state)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(opts.Progress, "bridge: got the authorization code; asking %s for the tokens\n", ep.TokenURL)
	client, rec := clientFor(ctx, opts.HTTPClient)
	tok, err := cfg.Exchange(context.WithValue(ctx, oauth2.HTTPClient, client), code, oauth2.VerifierOption(verifier))
	if err != nil {
		return nil, explainOAuth2(ctx, StepAccessToken, ep.TokenURL, err, rec.take())
	}
	fmt.Fprintln(opts.Progress, "bridge: Jira granted an access token")
	return tok, nil
}

// waitCode waits for the redirect, or reads the pasted URL, within the
// approval timeout.
func waitCode(ctx context.Context, opts OAuth2Options, cb *CodeCallback, state string) (string, error) {
	wctx, cancel := context.WithTimeout(ctx, opts.ApproveTimeout)
	defer cancel()
	var code string
	var err error
	if cb != nil {
		fmt.Fprintf(opts.Progress, "bridge: waiting up to %s for the redirect to %s\n", opts.ApproveTimeout, opts.RedirectURI)
		code, err = cb.Wait(wctx)
	} else {
		in := opts.Stdin
		if in == nil {
			in = strings.NewReader("")
		}
		code, err = ReadCode(wctx, in, opts.Progress, state)
	}
	if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		return "", &Error{Kind: KindTimeout, Step: StepAuthorize,
			Err:    fmt.Errorf("no authorization within %s (--approve-timeout)", opts.ApproveTimeout),
			Advice: consentTimeoutAdvice(opts.Flavor, opts.OOB)}
	}
	return code, err
}

// explainOAuth2 turns a failed token request into an *Error: RFC 6749
// §5.2's error code with advice, a 5xx, an unexpected reply, or no reply.
func explainOAuth2(ctx context.Context, step Step, tokenURL string, err error, rep *reply) error {
	if rep == nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &Error{Kind: KindUnreachable, Step: step, Err: unwrapURLError(err),
			Advice: fmt.Sprintf("bridge could not reach %s. Check the URL, and that this machine reaches it (VPN, proxy, DNS, https).", tokenURL)}
	}
	e := &Error{Step: step, Status: rep.Status, Body: snippet(rep.Body)}
	var body struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if json.Unmarshal(rep.Body, &body) == nil && body.Error != "" {
		e.Kind, e.Code, e.Body, e.Err = KindProblem, body.Error, "", errors.New(body.Description)
		e.Advice = adviseOAuth2(body.Error, body.Description)
		return e
	}
	e.Kind, e.Err = KindReply, err
	switch s := rep.Status; {
	case s >= 500:
		e.Kind, e.Advice = KindServer, "Jira failed. Check its logs (atlassian-jira.log), or try again later."
	case s >= 300 && s < 400:
		e.Advice = fmt.Sprintf("The token endpoint redirected to %s: pass the real base URL (with its context path) so that %s needs no redirect.", orUnknown(rep.Header.Get("Location")), tokenURL)
	case s == http.StatusNotFound:
		e.Advice = fmt.Sprintf("There is no OAuth 2.0 token endpoint at %s. Jira Data Center has one from 8.22; is --jira-url its base URL?", tokenURL)
	case looksHTML(rep):
		e.Advice = "The token endpoint answered with a web page: a proxy or single sign-on in front of Jira? Let /rest/oauth2/ through."
	default:
		e.Advice = "The token endpoint answered without an OAuth 2.0 error. Is the URL really Jira's?"
	}
	return e
}

// randomState is the authorization request's state: 128 random bits.
func randomState() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
