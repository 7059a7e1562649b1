package jiramock

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// approvalPage is the mock's version of JIRA's OAuth approval page: who asks,
// the user to log in as, Allow and Deny, and JIRA's XSRF token atl_token
// (docs/jira.md "OAuth 1.0a provider"). Scripts (Dance, browser tests) find its parts by these names.
var approvalPage = template.Must(template.New("authorize").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>OAuth Access Request - Mock JIRA</title></head>
<body>
<h1>{{.Consumer}} would like to read and write data on your behalf</h1>
<p>Consumer key: <code>{{.ConsumerKey}}</code>. Mock JIRA ({{.Flavor}}).</p>
<form id="oauth-approval" method="post" action="{{.Action}}">
<input type="hidden" name="oauth_token" value="{{.Token}}">
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

// oobPage shows the verifier when the consumer has no callback (oob).
var oobPage = template.Must(template.New("oob").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>OAuth Verification Code - Mock JIRA</title></head>
<body>
<h1>{{if .Denied}}Access denied{{else}}Access approved{{end}}</h1>
<p>Your verification code is <code id="oauth_verifier">{{.Verifier}}</code>.</p>
</body>
</html>
`))

// serveAuthorize is /plugins/servlet/oauth/authorize (docs/jira.md "OAuth 1.0a provider"). GET shows
// the approval page (or, with AutoApprove, approves at once); POST carries
// the choice, with the page's atl_token, and redirects to the callback with
// oauth_token and oauth_verifier ("denied" on deny), or shows the verifier
// for oob.
func (o1 oauth1Provider) serveAuthorize(x *exchange) {
	s := o1.m
	if x.r.Method == http.MethodPost {
		if err := x.r.ParseForm(); err != nil {
			x.text(http.StatusBadRequest, "jiramock: authorize: bad form: "+err.Error()+"\n")
			return
		}
	}
	value := x.r.FormValue("oauth_token")
	x.entry.Token = value
	if value == "" {
		x.fail(newProblem(ProblemParameterAbsent, "open the authorize page with ?oauth_token=<request token>",
			param{name: "oauth_parameters_absent", value: "oauth_token"}))
		return
	}
	ts := s.tokens
	ts.mu.Lock()
	t := ts.m[value]
	var p *problem
	switch {
	case t == nil || t.kind != requestToken || t.exchanged:
		p = newProblem(ProblemTokenRejected, "the mock issued no request token "+strconv.Quote(value)+": get a new one")
	case x.now.After(t.expires):
		p = newProblem(ProblemTokenExpired, "the request token is older than 10 minutes: start the dance again")
	case t.state != pending:
		p = newProblem(ProblemTokenUsed, "this request token was already approved or denied: start the dance again")
	}
	if p != nil {
		ts.mu.Unlock()
		x.fail(p)
		return
	}
	x.entry.Consumer = t.consumer
	users := s.usersFor(s.flavor)

	if x.r.Method == http.MethodGet && s.auto == "" {
		if t.xsrf == "" {
			t.xsrf = randomAlnum(32)
		}
		data := struct {
			Consumer, ConsumerKey, Token, XSRF, Action string
			Flavor                                     Flavor
			Users                                      []userOption
		}{s.consumers[t.consumer].Name, t.consumer, t.value, t.xsrf, s.prefix + pathAuthorize, s.flavor, options(users)}
		ts.mu.Unlock()
		x.w.Header().Set("Content-Type", "text/html;charset=UTF-8")
		x.w.Header().Set("Cache-Control", "no-store")
		_ = approvalPage.Execute(x.w, data)
		return
	}

	approve, user := true, s.auto
	if x.r.Method == http.MethodPost {
		if t.xsrf == "" || x.r.PostFormValue("atl_token") != t.xsrf {
			ts.mu.Unlock()
			x.entry.Detail = "XSRF check failed: atl_token missing or wrong"
			x.text(http.StatusForbidden, "XSRF Security Token Missing: the form's atl_token does not match the approval page's. Open the authorize page again.\n")
			return
		}
		_, approve = x.r.PostForm["approve"]
		_, deny := x.r.PostForm["deny"]
		if approve == deny {
			ts.mu.Unlock()
			x.text(http.StatusBadRequest, "jiramock: authorize: send exactly one of the approve and deny buttons\n")
			return
		}
		user = x.r.PostFormValue("user")
	}
	if approve {
		if _, ok := findUser(users, user); !ok || user == "" {
			ts.mu.Unlock()
			x.text(http.StatusBadRequest, "jiramock: authorize: no user "+strconv.Quote(user)+": pick one of "+userIDs(users)+"\n")
			return
		}
		t.state, t.user, t.verifier = approved, user, randomAlnum(6)
	} else {
		t.state, t.verifier = denied, "denied"
	}
	callback, verifier := t.callback, t.verifier
	ts.mu.Unlock()
	x.entry.Detail = "approved as " + user
	if !approve {
		x.entry.Detail = "denied"
	}

	if callback == "oob" {
		x.w.Header().Set("Content-Type", "text/html;charset=UTF-8")
		_ = oobPage.Execute(x.w, struct {
			Verifier string
			Denied   bool
		}{verifier, !approve})
		return
	}
	sep := "?"
	if strings.Contains(callback, "?") {
		sep = "&"
	}
	loc := callback + sep + "oauth_token=" + url.QueryEscape(value) + "&oauth_verifier=" + url.QueryEscape(verifier)
	x.w.Header().Set("Location", loc)
	x.w.WriteHeader(http.StatusFound)
}

type userOption struct{ ID, DisplayName string }

func options(users []User) []userOption {
	out := make([]userOption, len(users))
	for i, u := range users {
		out[i] = userOption{u.ID(), u.DisplayName}
		if out[i].DisplayName == "" {
			out[i].DisplayName = u.ID()
		}
	}
	return out
}
