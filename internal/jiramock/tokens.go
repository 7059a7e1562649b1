package jiramock

import (
	"crypto/rand"
	"net/url"
	"strconv"
	"sync"
	"time"
)

// requestTokenLifetime: JIRA's request tokens live 10 minutes (docs/jira.md "OAuth 1.0a provider").
const requestTokenLifetime = 10 * time.Minute

// authorizationLifetime is JIRA's oauth_authorization_expires_in (docs/jira.md "OAuth 1.0a provider").
const authorizationLifetime = 160272000

type tokenKind int

const (
	requestToken tokenKind = iota + 1
	accessToken
)

type approval int

const (
	pending approval = iota
	approved
	denied
)

// token is a request or access token. Its mutable fields are guarded by the
// store's lock.
type token struct {
	kind     tokenKind
	value    string
	secret   string
	consumer string
	expires  time.Time

	// Request tokens.
	callback  string // absolute URL or "oob"
	xsrf      string // atl_token of the approval page
	state     approval
	user      string // ID of the approving user
	verifier  string
	exchanged bool

	// Access tokens.
	world *world
}

// tokenStore holds every live token.
type tokenStore struct {
	mu        sync.Mutex
	m         map[string]*token
	lastPrune time.Time
}

func newTokenStore() *tokenStore { return &tokenStore{m: make(map[string]*token)} }

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// randomAlnum returns n random characters from [A-Za-z0-9]: JIRA's tokens,
// secrets and handles are 32 of them, verifiers 6 (docs/jira.md "OAuth 1.0a provider").
func randomAlnum(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	for i := range b {
		b[i] = alnum[int(b[i])%len(alnum)] // 256 % 62 bias is harmless here
	}
	return string(b)
}

func (ts *tokenStore) add(t *token, now time.Time) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if now.Sub(ts.lastPrune) > time.Minute {
		for k, old := range ts.m {
			if now.After(old.expires) && old.kind == requestToken {
				delete(ts.m, k)
			}
		}
		ts.lastPrune = now
	}
	for ts.m[t.value] != nil {
		t.value = randomAlnum(32)
	}
	ts.m[t.value] = t
}

func (ts *tokenStore) newRequest(consumer, callback string, now time.Time) *token {
	t := &token{kind: requestToken, value: randomAlnum(32), secret: randomAlnum(32), consumer: consumer,
		callback: callback, expires: now.Add(requestTokenLifetime)}
	ts.add(t, now)
	return t
}

func (ts *tokenStore) newAccess(consumer string, w *world, now time.Time) *token {
	t := &token{kind: accessToken, value: randomAlnum(32), secret: randomAlnum(32), consumer: consumer,
		world: w, expires: now.Add(accessTokenLifetime)}
	ts.add(t, now)
	return t
}

// access finds the access token of a REST call: unknown or not an access
// token → token_rejected, expired → token_expired, another consumer's →
// token_rejected (Atlassian's OAuth filter, docs/jira.md "OAuth 1.0a provider").
func (ts *tokenStore) access(value, consumer string, now time.Time) (*world, *problem) {
	ts.mu.Lock()
	t := ts.m[value]
	ts.mu.Unlock()
	switch {
	case t == nil || t.kind != accessToken:
		return nil, newProblem(ProblemTokenRejected, "the mock issued no access token "+strconv.Quote(value)+": do the OAuth dance again")
	case now.After(t.expires):
		return nil, newProblem(ProblemTokenExpired, "the access token has expired: do the OAuth dance again")
	case t.consumer != consumer:
		return nil, newProblem(ProblemTokenRejected, "the access token belongs to another consumer")
	}
	return t.world, nil
}

// serveRequestToken is POST /plugins/servlet/oauth/request-token (docs/jira.md "OAuth 1.0a provider"):
// a signed request with an absolute http(s) oauth_callback or "oob" gets a
// text/plain form with the new request token.
func (o1 oauth1Provider) serveRequestToken(x *exchange) {
	s := o1.m
	op, p := x.oauth()
	if p != nil {
		x.fail(p)
		return
	}
	c, p := o1.checkConsumer(op)
	if p != nil {
		x.fail(p)
		return
	}
	if p := o1.validate(x.r, op, c, x.now); p != nil {
		x.fail(p)
		return
	}
	if op.has&hasCallback == 0 {
		x.fail(newProblem(ProblemParameterAbsent, "send oauth_callback: an absolute http(s) URL, or oob",
			param{name: "oauth_parameters_absent", value: "oauth_callback"}))
		return
	}
	if !validCallback(op.callback) {
		x.fail(newProblem(ProblemParameterRejected, "oauth_callback "+strconv.Quote(op.callback)+" is neither an absolute http(s) URL nor oob",
			param{name: "oauth_parameters_rejected", value: "oauth_callback"}))
		return
	}
	t := s.tokens.newRequest(c.Key, op.callback, x.now)
	x.replyForm("oauth_token", t.value, "oauth_token_secret", t.secret, "oauth_callback_confirmed", "true")
}

// validCallback: "oob", or an absolute http(s) URL with a host (docs/jira.md "OAuth 1.0a provider").
func validCallback(cb string) bool {
	if cb == "oob" {
		return true
	}
	u, err := url.Parse(cb)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// serveAccessToken is POST /plugins/servlet/oauth/access-token. Its checks run
// in JIRA's order (docs/jira.md "OAuth 1.0a provider"): token present, known, not expired, approved (not
// denied), of this consumer, with the right verifier; then the signature
// validator. A request token is exchanged once; afterwards it is unknown, as
// in JIRA, which deletes it.
func (o1 oauth1Provider) serveAccessToken(x *exchange) {
	s := o1.m
	op, p := x.oauth()
	if p != nil {
		x.fail(p)
		return
	}
	c, p := o1.checkConsumer(op)
	if p != nil {
		x.fail(p)
		return
	}
	if op.has&hasToken == 0 || op.token == "" {
		x.fail(newProblem(ProblemParameterAbsent, "send oauth_token: the authorized request token",
			param{name: "oauth_parameters_absent", value: "oauth_token"}))
		return
	}
	ts := s.tokens
	ts.mu.Lock()
	t := ts.m[op.token]
	p = func() *problem {
		switch {
		case t == nil || t.kind != requestToken:
			return newProblem(ProblemTokenRejected, "the mock issued no request token "+strconv.Quote(op.token)+": get a new one")
		case t.exchanged:
			return newProblem(ProblemTokenRejected, "this request token was already exchanged for an access token: a request token is good for one exchange")
		case x.now.After(t.expires):
			return newProblem(ProblemTokenExpired, "the request token is older than 10 minutes: start the dance again")
		case t.state == pending:
			return newProblem(ProblemPermissionUnknown, "no user has approved this request token yet: open the authorize page first")
		case t.state == denied:
			return newProblem(ProblemPermissionDenied, "the user denied access")
		case t.consumer != c.Key:
			return newProblem(ProblemTokenRejected, "the request token belongs to another consumer")
		case op.has&hasVerifier == 0 || op.verifier != t.verifier:
			return newProblem(ProblemTokenRejected, "oauth_verifier is missing or wrong: send the verifier of the authorize redirect")
		}
		return nil
	}()
	ts.mu.Unlock()
	if p != nil {
		x.fail(p)
		return
	}
	if p := o1.validate(x.r, op, c, x.now); p != nil {
		x.fail(p)
		return
	}
	ts.mu.Lock()
	if t.exchanged { // a concurrent exchange won
		ts.mu.Unlock()
		x.fail(newProblem(ProblemTokenRejected, "this request token was already exchanged for an access token"))
		return
	}
	t.exchanged = true
	user := t.user
	ts.mu.Unlock()

	users := s.usersFor(s.flavor)
	u, _ := findUser(users, user)
	at := ts.newAccess(c.Key, &world{flavor: s.flavor, user: u, users: users, faults: s.faults}, x.now)
	x.entry.Token = at.value
	x.replyForm(
		"oauth_token", at.value,
		"oauth_token_secret", at.secret,
		"oauth_expires_in", strconv.Itoa(int(accessTokenLifetime/time.Second)),
		"oauth_session_handle", randomAlnum(32),
		"oauth_authorization_expires_in", strconv.Itoa(authorizationLifetime))
}
