package live

import (
	"context"
	"crypto/rsa"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/dghubble/oauth1"

	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// DefaultApproveTimeout is how long Run waits for the person to approve.
const DefaultApproveTimeout = 5 * time.Minute

// OOBCallback is the oauth_callback that asks JIRA for no redirect: it shows
// the verifier instead (docs/jira.md "OAuth 1.0a provider").
const OOBCallback = "oob"

// defaultHTTPTimeout bounds each token request; JIRA answers them at once.
const defaultHTTPTimeout = 30 * time.Second

// Options configure Run.
type Options struct {
	JIRAURL        string          // JIRA's base URL, e.g. https://jira.example.com
	ConsumerKey    string          // the Application Link's incoming consumer key
	PrivateKey     *rsa.PrivateKey // signs every request, RSA-SHA1
	PrivateKeyFile string          // where the key came from, for advice only
	CallbackAddr   string          // loopback host:port for the callback server; "" = DefaultCallbackAddr
	OOB            bool            // ask for no callback and read the pasted verifier from Stdin
	ApproveTimeout time.Duration   // how long to wait for approval; 0 = DefaultApproveTimeout

	// OpenBrowser opens the authorize URL; nil only prints it.
	OpenBrowser func(url string) error
	Stdin       io.Reader        // --oob: the pasted verifier
	Progress    io.Writer        // steps, the authorize URL, the prompt (stderr); nil = discard
	HTTPClient  *http.Client     // nil = a client with a 30 s timeout
	Now         func() time.Time // this machine's clock for advice; nil = time.Now
}

// Run does the 3-legged dance against JIRA (RFC 5849 §2) and returns the
// access token:
//  1. get a request token, with the loopback callback URL (or "oob");
//  2. print the authorize URL, open the browser, wait for the callback (or
//     the pasted verifier) within ApproveTimeout;
//  3. exchange the verifier for the access token.
//
// Failures are *Error, saying which step failed and what to do; a cancelled
// ctx gives ctx's error.
func Run(ctx context.Context, opts Options) (*oauth1.Token, error) {
	base, err := jira.NormalizeBaseURL(opts.JIRAURL)
	if err != nil {
		return nil, &Error{Kind: KindInput, Step: StepRequestToken, Err: err}
	}
	opts.JIRAURL = base // what publish stores (internal/jira)
	if opts.ConsumerKey == "" {
		return nil, &Error{Kind: KindInput, Step: StepRequestToken, Err: errors.New("no consumer key; pass the Application Link's incoming consumer key")}
	}
	if opts.PrivateKey == nil {
		return nil, &Error{Kind: KindInput, Step: StepRequestToken, Err: errors.New("no private key")}
	}
	d := &dance{opts: opts, progress: opts.Progress}
	if d.progress == nil {
		d.progress = io.Discard
	}
	if d.opts.ApproveTimeout <= 0 {
		d.opts.ApproveTimeout = DefaultApproveTimeout
	}
	if d.opts.HTTPClient == nil {
		d.opts.HTTPClient = &http.Client{Timeout: defaultHTTPTimeout}
	}
	if d.opts.Now == nil {
		d.opts.Now = time.Now
	}
	d.cfg = &oauth1.Config{
		ConsumerKey: opts.ConsumerKey,
		Endpoint:    Endpoint(opts.JIRAURL),
		Signer:      &oauth1.RSASigner{PrivateKey: opts.PrivateKey},
		Noncer:      oauth1.HexNoncer{},
		CallbackURL: OOBCallback,
	}
	if !opts.OOB {
		cb, err := ListenCallback(opts.CallbackAddr)
		if err != nil {
			return nil, err
		}
		defer cb.Close()
		d.callback = cb
		d.cfg.CallbackURL = cb.URL()
	}
	return d.run(ctx)
}

type dance struct {
	opts     Options
	progress io.Writer
	cfg      *oauth1.Config
	callback *CallbackServer
}

func (d *dance) run(ctx context.Context) (*oauth1.Token, error) {
	// 1. Request token (RFC 5849 §2.1). dghubble/oauth1 always sends
	// oauth_callback and insists on oauth_callback_confirmed=true (docs/fidelity.md "dghubble/oauth1").
	fmt.Fprintf(d.progress, "bridge: asking %s for a request token (consumer key %q, callback %s)\n",
		d.cfg.Endpoint.RequestTokenURL, d.cfg.ConsumerKey, d.cfg.CallbackURL)
	client, rec := clientFor(ctx, d.opts.HTTPClient)
	d.cfg.HTTPClient = client
	requestToken, requestSecret, err := d.cfg.RequestToken()
	if err != nil {
		return nil, d.explain(ctx, StepRequestToken, d.cfg.Endpoint.RequestTokenURL, err, rec.take())
	}

	// 2. The person approves (RFC 5849 §2.2). The callback must know the
	// token before anyone can see the URL.
	if d.callback != nil {
		d.callback.Expect(requestToken)
	}
	authURL, err := d.cfg.AuthorizationURL(requestToken)
	if err != nil {
		return nil, &Error{Kind: KindInput, Step: StepAuthorize, Err: err}
	}
	fmt.Fprintf(d.progress, "bridge: open this URL, log in to JIRA as the user to check, and click Allow:\n\n  %s\n\n", authURL)
	if d.opts.OpenBrowser != nil {
		if err := d.opts.OpenBrowser(authURL.String()); err != nil {
			fmt.Fprintf(d.progress, "bridge: %v; open the URL yourself\n", err)
		}
	}
	verifier, err := d.waitApproval(ctx, requestToken)
	if err != nil {
		return nil, err
	}

	// 3. Access token (RFC 5849 §2.3).
	// With --oob the verifier is whatever was pasted: JIRA, not bridge, says
	// whether it stands for an approval.
	got := "approved"
	if d.opts.OOB {
		got = "got the verifier"
	}
	fmt.Fprintf(d.progress, "bridge: %s; asking %s for the access token\n", got, d.cfg.Endpoint.AccessTokenURL)
	client, rec = clientFor(ctx, d.opts.HTTPClient)
	d.cfg.HTTPClient = client
	token, secret, err := d.cfg.AccessToken(requestToken, requestSecret, verifier)
	if err != nil {
		return nil, d.explain(ctx, StepAccessToken, d.cfg.Endpoint.AccessTokenURL, err, rec.take())
	}
	fmt.Fprintln(d.progress, "bridge: JIRA granted an access token")
	return oauth1.NewToken(token, secret), nil
}

// waitApproval waits for the callback, or reads the pasted verifier, within
// the approval timeout.
func (d *dance) waitApproval(ctx context.Context, requestToken string) (string, error) {
	wctx, cancel := context.WithTimeout(ctx, d.opts.ApproveTimeout)
	defer cancel()
	var verifier string
	var err error
	if d.callback != nil {
		fmt.Fprintf(d.progress, "bridge: waiting up to %s for the approval at %s\n", d.opts.ApproveTimeout, d.callback.URL())
		verifier, err = d.callback.Wait(wctx)
	} else {
		stdin := d.opts.Stdin
		if stdin == nil {
			stdin = strings.NewReader("")
		}
		verifier, err = ReadVerifier(wctx, stdin, d.progress, requestToken)
	}
	if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		advice := "Approve within the time, or give more with --approve-timeout."
		if d.callback != nil {
			advice += "\nIf the browser landed on another page after Allow, JIRA sent it to the Application Link's own callback: run again with --oob and paste the URL it landed on."
		}
		return "", &Error{Kind: KindTimeout, Step: StepAuthorize,
			Err:    fmt.Errorf("no approval within %s (--approve-timeout)", d.opts.ApproveTimeout),
			Advice: advice}
	}
	return verifier, err
}

// explain turns a failed token request into an *Error from JIRA's reply, as
// kept by the recorder (dghubble/oauth1 keeps only a string).
func (d *dance) explain(ctx context.Context, step Step, reqURL string, err error, rep *reply) error {
	if rep == nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &Error{Kind: KindUnreachable, Step: step, Err: unwrapURLError(err),
			Advice: fmt.Sprintf("bridge could not reach JIRA at %s. Check --jira-url, and that this machine reaches JIRA (VPN, proxy, DNS, https).", d.opts.JIRAURL)}
	}
	e := &Error{Step: step, Status: rep.Status, Body: snippet(rep.Body)}
	if problem, params := ParseProblem(rep.Header, rep.Body); problem != "" {
		e.Kind, e.Problem, e.Params, e.Body = KindProblem, problem, params, ""
		e.Advice = advise(problem, adviceInput{
			JIRAURL: d.opts.JIRAURL, ConsumerKey: d.opts.ConsumerKey, PrivateKeyFile: d.opts.PrivateKeyFile,
			RequestURL: reqURL, Now: d.opts.Now(), Params: params,
		})
		return e
	}
	e.Kind = KindReply
	switch s := rep.Status; {
	case s == http.StatusOK || s == http.StatusCreated:
		e.Err = err // dghubble/oauth1's complaint about the body
		if looksHTML(rep) {
			e.Advice = "JIRA's OAuth endpoint answered with a web page instead of OAuth parameters: a login page of a proxy or single sign-on in front of JIRA? Let /plugins/servlet/oauth/ through to JIRA."
		} else if strings.Contains(err.Error(), "oauth_callback_confirmed") {
			e.Advice = "JIRA did not confirm the callback (oauth_callback_confirmed=true): it does not speak OAuth 1.0a as JIRA does. Is --jira-url really JIRA?"
		} else {
			e.Advice = "Is --jira-url really JIRA's base URL?"
		}
	case s >= 300 && s < 400:
		loc := rep.Header.Get("Location")
		e.Advice = fmt.Sprintf("JIRA redirected the OAuth request to %s. A signed request cannot follow a redirect: pass JIRA's real base URL (the part before %s) as --jira-url.", orUnknown(loc), RequestTokenPath)
	case s >= 500:
		e.Kind = KindServer
		e.Advice = "JIRA failed. Check its logs (atlassian-jira.log), or try again later."
	case s == http.StatusNotFound:
		e.Advice = fmt.Sprintf("There is no OAuth endpoint at %s. Is --jira-url JIRA's base URL, with its context path (e.g. https://example.com/jira)?", reqURL)
	default:
		e.Advice = "JIRA refused the request without an oauth_problem. Check that the Application Link exists, with Incoming Authentication for this consumer key."
	}
	return e
}

func looksHTML(rep *reply) bool {
	ct := strings.ToLower(rep.Header.Get("Content-Type"))
	b := strings.ToLower(strings.TrimSpace(string(rep.Body)))
	return strings.Contains(ct, "html") || strings.HasPrefix(b, "<!doctype") || strings.HasPrefix(b, "<html")
}

// snippet shortens a reply body for messages: whitespace collapsed, 300 bytes.
func snippet(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// unwrapURLError drops net/url's `Post "…": ` prefix, which repeats the URL
// the message already names.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
