package jiramock

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// consentPage is the mock's OAuth 2.0 consent screen: who asks, for which
// scopes, the user to log in as, Allow and Deny, and an XSRF token, with the
// same element names as the OAuth 1.0a approval page (authorize.go) so that
// Dance2 and browser tests drive both alike.
var consentPage = template.Must(template.New("consent").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Authorize access - Mock JIRA</title></head>
<body>
<h1>{{.Client}} wants access to your account</h1>
<p>Mock JIRA ({{.Flavor}}) will let it:</p>
<ul id="scopes">{{range .Scopes}}<li><code>{{.}}</code></li>{{end}}</ul>
<form id="oauth2-consent" method="post" action="{{.Action}}">
<input type="hidden" name="request" value="{{.Request}}">
<input type="hidden" name="atl_token" value="{{.XSRF}}">
<p><label for="user">Log in as</label>
<select id="user" name="user">{{range .Users}}
<option value="{{.ID}}">{{.DisplayName}} ({{.ID}})</option>{{end}}
</select></p>
<p><button type="submit" id="approve" name="approve" value="Allow">Allow</button>
<button type="submit" id="deny" name="deny" value="Deny">Deny</button></p>
</form>
</body>
</html>
`))

// serveAuthorize is GET /rest/oauth2/latest/authorize (Data Center) or GET
// /authorize (Cloud): RFC 6749 §4.1.1 with PKCE (RFC 7636 §4.3), and on
// Cloud Atlassian's audience=api.atlassian.com and prompt=consent
// (docs/jira.md "OAuth 2.0"). A bad client or redirect URI is shown on a
// page; anything else wrong goes back to the redirect URI (§4.1.2.1). POST is
// the consent form.
func (o *oauth2Provider) serveAuthorize(x *exchange, f Flavor) {
	if x.r.Method == http.MethodPost {
		o.serveConsent(x)
		return
	}
	q := x.r.URL.Query()
	x.entry.Consumer = q.Get("client_id")
	switch {
	case q.Get("client_id") == "":
		authorizePageError(x, ErrInvalidRequest, "client_id is missing: send the client id of the incoming link (Data Center) or app (developer console)")
		return
	case q.Get("client_id") != o.client.ID:
		authorizePageError(x, ErrInvalidClient, "no client "+strconv.Quote(q.Get("client_id"))+" is registered: check --jira-client-id")
		return
	case q.Get("redirect_uri") != o.client.RedirectURI:
		authorizePageError(x, ErrInvalidRequest, "redirect_uri "+strconv.Quote(q.Get("redirect_uri"))+" is not the registered one ("+o.client.RedirectURI+"): they must match exactly")
		return
	case f == Cloud && q.Get("audience") != cloudAudience:
		authorizePageError(x, ErrInvalidRequest, "audience must be "+cloudAudience+" (got "+strconv.Quote(q.Get("audience"))+"): add it to the authorization URL (Auth0: authParams)")
		return
	case f == Cloud && q.Get("prompt") != cloudPromptConsent:
		authorizePageError(x, ErrInvalidRequest, "prompt must be consent (got "+strconv.Quote(q.Get("prompt"))+"): add it to the authorization URL (Auth0: authParams)")
		return
	}
	redirect, state := o.client.RedirectURI, q.Get("state")
	for k, v := range q {
		if len(v) > 1 {
			redirectError(x, redirect, state, ErrInvalidRequest, k+" is repeated (RFC 6749 §3.1)")
			return
		}
	}
	if q.Get("response_type") != "code" {
		redirectError(x, redirect, state, ErrUnsupportedResponseType, "response_type must be code (got "+strconv.Quote(q.Get("response_type"))+")")
		return
	}
	scopes := strings.Fields(q.Get("scope"))
	if len(scopes) == 0 {
		redirectError(x, redirect, state, ErrInvalidScope, "scope is missing: ask for "+strings.Join(DefaultOAuth2Scopes(f), " "))
		return
	}
	for _, s := range scopes {
		if !knownScope(f, s) {
			redirectError(x, redirect, state, ErrInvalidScope, "unknown scope "+strconv.Quote(s))
			return
		}
	}
	method, bad := checkChallenge(q.Get("code_challenge"), q.Get("code_challenge_method"))
	if bad != "" {
		redirectError(x, redirect, state, ErrInvalidRequest, bad)
		return
	}
	req := &authRequest{id: randomAlnum(32), xsrf: randomAlnum(32), flavor: f, redirectURI: redirect, state: state,
		scopes: scopes, challenge: q.Get("code_challenge"), method: method, expires: x.now.Add(consentLifetime)}
	if o.m.auto != "" {
		o.approve(x, req, o.m.auto)
		return
	}
	st := o.store
	st.mu.Lock()
	st.requests[req.id] = req
	st.mu.Unlock()
	x.entry.Verdict, x.entry.Detail = VerdictOK, "consent page"
	x.w.Header().Set("Content-Type", "text/html;charset=UTF-8")
	x.w.Header().Set("Cache-Control", "no-store")
	_ = consentPage.Execute(x.w, struct {
		Client, Request, XSRF, Action string
		Flavor                        Flavor
		Scopes                        []string
		Users                         []userOption
	}{o.client.ID, req.id, req.xsrf, x.r.URL.Path, f, scopes, options(o.m.usersFor(f))})
}

// serveConsent is the consent form's POST: the page's atl_token, one of
// Allow and Deny, and the user. Deny sends access_denied back (RFC 6749
// §4.1.2.1). A consent request is answered once.
func (o *oauth2Provider) serveConsent(x *exchange) {
	if err := x.r.ParseForm(); err != nil {
		x.text(http.StatusBadRequest, "jiramock: consent: bad form: "+err.Error()+"\n")
		return
	}
	st := o.store
	st.mu.Lock()
	req := st.requests[x.r.PostFormValue("request")]
	if req != nil && req.xsrf == x.r.PostFormValue("atl_token") {
		delete(st.requests, req.id)
	}
	st.mu.Unlock()
	switch {
	case req == nil || x.now.After(req.expires):
		x.text(http.StatusBadRequest, "jiramock: consent: this consent request is unknown, answered or older than 10 minutes: start the authorization again\n")
		return
	case req.xsrf != x.r.PostFormValue("atl_token"):
		x.entry.Detail = "XSRF check failed: atl_token missing or wrong"
		x.text(http.StatusForbidden, "XSRF Security Token Missing: the form's atl_token does not match the consent page's. Open the authorize page again.\n")
		return
	}
	_, approve := x.r.PostForm["approve"]
	_, deny := x.r.PostForm["deny"]
	switch {
	case approve == deny:
		x.text(http.StatusBadRequest, "jiramock: consent: send exactly one of the approve and deny buttons\n")
	case deny:
		redirectError(x, req.redirectURI, req.state, ErrAccessDenied, "the user denied access")
	default:
		o.approve(x, req, x.r.PostFormValue("user"))
	}
}

// approve issues the code of req for user and redirects with code and state
// (RFC 6749 §4.1.2).
func (o *oauth2Provider) approve(x *exchange, req *authRequest, user string) {
	users := o.m.usersFor(req.flavor)
	if _, ok := findUser(users, user); !ok || user == "" {
		x.text(http.StatusBadRequest, "jiramock: consent: no "+string(req.flavor)+" user "+strconv.Quote(user)+": pick one of "+userIDs(users)+"\n")
		return
	}
	st := o.store
	st.mu.Lock()
	req.user, req.codeDies = user, x.now.Add(codeLifetime)
	for req.code == "" || st.codes[req.code] != nil {
		req.code = randomAlnum(32)
	}
	st.codes[req.code] = req
	st.mu.Unlock()
	x.entry.Verdict, x.entry.Detail = VerdictOK, "approved as "+user
	q := url.Values{"code": {req.code}}
	if req.state != "" {
		q.Set("state", req.state)
	}
	x.w.Header().Set("Location", withQuery(req.redirectURI, q))
	x.w.WriteHeader(http.StatusFound)
}
