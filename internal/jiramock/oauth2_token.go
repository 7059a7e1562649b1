package jiramock

import (
	"crypto/subtle"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxTokenBody bounds a token request's body.
const maxTokenBody = 64 << 10

// tokenParams reads a token request's parameters: a form body (RFC 6749
// §4.1.3, what x/oauth2 and Auth0 send), a JSON body (Atlassian Cloud's
// documented shape), and on Data Center the query string (Jira's documented
// curl examples put them there). A repeated parameter is invalid_request
// (RFC 6749 §3.2).
func tokenParams(r *http.Request, f Flavor) (map[string]string, string) {
	out := map[string]string{}
	add := func(vals url.Values) string {
		for k, v := range vals {
			if _, dup := out[k]; dup || len(v) > 1 {
				return k + " is repeated (RFC 6749 §3.2)"
			}
			out[k] = v[0]
		}
		return ""
	}
	if f == Server {
		if bad := add(r.URL.Query()); bad != "" {
			return nil, bad
		}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxTokenBody))
	if err != nil {
		return nil, "cannot read the body: " + err.Error()
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case len(body) == 0:
	case ct == "application/x-www-form-urlencoded":
		vals, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, "the form body does not parse: " + err.Error()
		}
		if bad := add(vals); bad != "" {
			return nil, bad
		}
	case ct == "application/json":
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			return nil, "the JSON body does not parse: " + err.Error()
		}
		vals := url.Values{}
		for k, v := range m {
			s, ok := v.(string)
			if !ok {
				return nil, k + " must be a JSON string"
			}
			vals.Set(k, s)
		}
		if bad := add(vals); bad != "" {
			return nil, bad
		}
	default:
		return nil, "Content-Type " + strconv.Quote(ct) + " is not supported: send application/x-www-form-urlencoded or application/json"
	}
	return out, ""
}

// serveToken is POST /rest/oauth2/latest/token (Data Center) or POST
// /oauth/token (Cloud): client authentication (RFC 6749 §2.3.1, Basic or
// body), then the authorization_code grant (§4.1.3, with PKCE, RFC 7636
// §4.6) or the refresh_token grant (§6). Errors are §5.2's.
func (o *oauth2Provider) serveToken(x *exchange, f Flavor) {
	params, bad := tokenParams(x.r, f)
	if bad != "" {
		tokenError(x, ErrInvalidRequest, bad, false)
		return
	}
	id, secret, basic := x.r.BasicAuth()
	if basic {
		id, _ = url.QueryUnescape(id) // RFC 6749 §2.3.1 form-encodes both before Basic
		secret, _ = url.QueryUnescape(secret)
		if params["client_id"] != "" && params["client_id"] != id || params["client_secret"] != "" {
			tokenError(x, ErrInvalidRequest, "authenticate the client one way: the Authorization header or client_id/client_secret in the body (RFC 6749 §2.3)", false)
			return
		}
	} else {
		id, secret = params["client_id"], params["client_secret"]
	}
	x.entry.Consumer = id
	switch {
	case id == "":
		tokenError(x, ErrInvalidClient, "no client_id: send the client id and secret", basic)
		return
	case id != o.client.ID:
		tokenError(x, ErrInvalidClient, "no client "+strconv.Quote(id)+" is registered: check --jira-client-id", basic)
		return
	case subtle.ConstantTimeCompare([]byte(secret), []byte(o.client.Secret)) != 1:
		tokenError(x, ErrInvalidClient, "the client secret is wrong or missing: check --jira-client-secret", basic)
		return
	}
	switch gt := params["grant_type"]; gt {
	case "authorization_code":
		o.grantCode(x, f, params)
	case "refresh_token":
		o.grantRefresh(x, f, params)
	case "":
		tokenError(x, ErrInvalidRequest, "grant_type is missing: send authorization_code or refresh_token", false)
	default:
		tokenError(x, ErrUnsupportedGrantType, "grant_type "+strconv.Quote(gt)+" is not supported: use authorization_code or refresh_token", false)
	}
}

// grantCode exchanges a code (RFC 6749 §4.1.3): known, unused, unexpired,
// of this endpoint's flavour, with the same redirect_uri, and the PKCE
// verifier if a challenge was sent. A reused code revokes the tokens issued
// from it (§4.1.2).
func (o *oauth2Provider) grantCode(x *exchange, f Flavor, params map[string]string) {
	code := params["code"]
	if code == "" {
		tokenError(x, ErrInvalidRequest, "code is missing: send the code of the redirect", false)
		return
	}
	st := o.store
	st.mu.Lock()
	req := st.codes[code]
	desc := func() string {
		switch {
		case req == nil:
			return "the mock issued no code " + strconv.Quote(code)
		case req.used:
			for _, t := range req.issued {
				t.revoked = true
				if t.pair != nil {
					t.pair.revoked = true
				}
			}
			return "this code was already exchanged: a code is good once, and the tokens it gave are now revoked"
		case x.now.After(req.codeDies):
			return "the code is older than 10 minutes: authorize again"
		case req.flavor != f:
			return "the code was issued by the " + string(req.flavor) + " authorize endpoint: exchange it at that flavour's token endpoint"
		case params["redirect_uri"] != req.redirectURI:
			return "redirect_uri " + strconv.Quote(params["redirect_uri"]) + " is not the one of the authorization request (RFC 6749 §4.1.3)"
		}
		if bad := verifyPKCE(req.challenge, req.method, params["code_verifier"]); bad != "" {
			return bad
		}
		req.used = true
		return ""
	}()
	st.mu.Unlock()
	if desc != "" {
		tokenError(x, ErrInvalidGrant, desc, false)
		return
	}
	users := o.m.usersFor(f)
	u, _ := findUser(users, req.user)
	w := &world{flavor: f, user: u, users: users, faults: o.m.faults}
	at, rt := st.mint(w, req.scopes, accessLifetime(f), f == Server || contains(req.scopes, "offline_access"), x.now)
	st.mu.Lock()
	req.issued = append(req.issued, at)
	st.mu.Unlock()
	replyTokens(x, at, rt, accessLifetime(f))
}

// grantRefresh is the refresh_token grant (RFC 6749 §6): the refresh token
// is rotated, as Atlassian Cloud's rotating refresh tokens are (an
// assumption for Data Center, docs/jira.md "OAuth 2.0"); a scope, if sent,
// may only narrow the grant.
func (o *oauth2Provider) grantRefresh(x *exchange, f Flavor, params map[string]string) {
	v := params["refresh_token"]
	if v == "" {
		tokenError(x, ErrInvalidRequest, "refresh_token is missing", false)
		return
	}
	st := o.store
	st.mu.Lock()
	old := st.tokens[v]
	desc := ""
	switch {
	case old == nil || !old.refresh:
		desc = "the mock issued no refresh token " + strconv.Quote(v)
	case old.revoked:
		desc = "the refresh token was already used or revoked: authorize again"
	case x.now.After(old.expires):
		desc = "the refresh token has expired: authorize again"
	case old.world.flavor != f:
		desc = "the refresh token belongs to the " + string(old.world.flavor) + " token endpoint"
	}
	scopes := []string(nil)
	if desc == "" {
		scopes = old.scopes
		if s := strings.Fields(params["scope"]); len(s) > 0 {
			for _, want := range s {
				if !contains(old.scopes, want) {
					st.mu.Unlock()
					tokenError(x, ErrInvalidScope, "scope "+strconv.Quote(want)+" was not granted: a refresh may only narrow the scopes (RFC 6749 §6)", false)
					return
				}
			}
			scopes = s
		}
		old.revoked = true
	}
	st.mu.Unlock()
	if desc != "" {
		tokenError(x, ErrInvalidGrant, desc, false)
		return
	}
	at, rt := st.mint(old.world, scopes, accessLifetime(f), true, x.now)
	replyTokens(x, at, rt, accessLifetime(f))
}

// replyTokens is RFC 6749 §5.1's answer.
func replyTokens(x *exchange, at, rt *bearerToken, life time.Duration) {
	body := map[string]any{
		"access_token": at.value,
		"token_type":   "Bearer",
		"expires_in":   int(life / time.Second),
		"scope":        strings.Join(at.scopes, " "),
	}
	if rt != nil {
		body["refresh_token"] = rt.value
	}
	x.entry.Verdict, x.entry.Token = VerdictOK, at.value
	writeJSON(x.w, http.StatusOK, body)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
