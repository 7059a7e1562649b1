package jiramock

import (
	"sync"
	"time"
)

// Lifetimes of OAuth 2.0 artefacts (docs/jira.md "OAuth 2.0"). RFC 6749
// §4.1.2 recommends at most 10 minutes for a code; Atlassian Cloud documents
// one hour for an access token; the Data Center figures are assumptions.
const (
	codeLifetime         = 10 * time.Minute
	consentLifetime      = 10 * time.Minute
	dcAccessLifetime     = 2 * time.Hour
	cloudAccessLifetime  = time.Hour
	refreshTokenLifetime = 90 * 24 * time.Hour
)

// accessLifetime is the access-token lifetime of flavor f.
func accessLifetime(f Flavor) time.Duration {
	if f == Cloud {
		return cloudAccessLifetime
	}
	return dcAccessLifetime
}

// authRequest is a validated authorization request waiting on the consent
// page, and then the code it was approved into.
type authRequest struct {
	id          string // the consent form's request id
	xsrf        string // the consent form's atl_token
	flavor      Flavor // the endpoint's flavour: /rest/oauth2/latest/authorize or /authorize
	redirectURI string
	state       string
	scopes      []string
	challenge   string // PKCE code_challenge, "" for none
	method      string // "S256" or "plain"
	expires     time.Time

	// Once approved.
	code     string
	user     string
	used     bool
	issued   []*bearerToken // tokens issued from the code, revoked on reuse (RFC 6749 §4.1.2)
	codeDies time.Time
}

// bearerToken is an access or refresh token.
type bearerToken struct {
	value   string
	refresh bool
	world   *world
	scopes  []string
	expires time.Time
	revoked bool
	pair    *bearerToken // an access token's refresh token and back
}

// oauth2Store holds consent requests, codes and tokens under one lock.
type oauth2Store struct {
	mu       sync.Mutex
	requests map[string]*authRequest // by consent request id
	codes    map[string]*authRequest // by code
	tokens   map[string]*bearerToken // by value
}

func newOAuth2Store() *oauth2Store {
	return &oauth2Store{requests: map[string]*authRequest{}, codes: map[string]*authRequest{}, tokens: map[string]*bearerToken{}}
}

// mint registers an access token for w (and a refresh token when refresh),
// living life. The caller holds no lock.
func (st *oauth2Store) mint(w *world, scopes []string, life time.Duration, refresh bool, now time.Time) (*bearerToken, *bearerToken) {
	st.mu.Lock()
	defer st.mu.Unlock()
	at := &bearerToken{value: st.fresh(), world: w, scopes: scopes, expires: now.Add(life)}
	st.tokens[at.value] = at
	if !refresh {
		return at, nil
	}
	rt := &bearerToken{value: st.fresh(), refresh: true, world: w, scopes: scopes, expires: now.Add(refreshTokenLifetime), pair: at}
	at.pair = rt
	st.tokens[rt.value] = rt
	return at, rt
}

// fresh is a token value not in use; the caller holds mu.
func (st *oauth2Store) fresh() string {
	for {
		v := randomAlnum(43)
		if st.tokens[v] == nil {
			return v
		}
	}
}

// lookup finds a token by value.
func (st *oauth2Store) lookup(v string) *bearerToken {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.tokens[v]
}
