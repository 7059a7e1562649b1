package jiramock

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// jsonType is the Content-Type of JIRA's REST answers.
const jsonType = "application/json;charset=UTF-8"

// serveREST answers a REST endpoint. A call counts as OAuth only when all six
// OAuth parameters are present (docs/jira.md "OAuth 1.0a provider"); otherwise it is anonymous and gets
// JIRA's 401. An OAuth call is checked like Atlassian's OAuth filter does:
// consumer, access token, then the validator; it then sees its token's world.
// The world's fault for the endpoint, if any, changes the answer last.
func (s *Mock) serveREST(x *exchange, ep Endpoint) {
	if _, ok := bearerFrom(x.r); ok {
		// OAuth 2.0 (docs/jira.md "OAuth 2.0"): every scope covers READ,
		// which includes viewing users and your own profile.
		if w := s.o2.checkBearer(x, Server, "READ"); w != nil {
			answerREST(x, ep, w)
		}
		return
	}
	op, p := x.oauth()
	if p != nil {
		x.fail(p)
		return
	}
	if !op.complete() {
		x.entry.Token = "" // not an OAuth call: do not file it under a token
		if noAPI3(x.r, s.flavor, s.prefix) {
			writeAnswer(x, notFoundURI(x.r))
			return
		}
		status, note := serveAnswer(x.w, x.r, anonymous(s.flavor), s.faults[ep])
		x.entry.Status, x.dropped = status, status == 0
		if note != "" {
			x.entry.Detail = note
		}
		return
	}
	c, p := s.o1.checkConsumer(op)
	if p != nil {
		x.fail(p)
		return
	}
	w, p := s.tokens.access(op.token, c.Key, x.now)
	if p != nil {
		x.fail(p)
		return
	}
	if p := s.o1.validate(x.r, op, c, x.now); p != nil {
		x.fail(p)
		return
	}
	x.entry.Verdict = VerdictOK
	answerREST(x, ep, w)
}

// answerREST answers an authenticated REST call with its world, the world's
// fault for the endpoint changing the answer last.
func answerREST(x *exchange, ep Endpoint, w *world) {
	if noAPI3(x.r, w.flavor, x.s.prefix) {
		writeAnswer(x, notFoundURI(x.r))
		return
	}
	var a answer
	switch ep {
	case EndpointSession:
		a = session(x.s.baseFor(x.r), w, x.now)
	case EndpointUser:
		a = userLookup(x.r, w)
	default:
		a = jsonAnswer(http.StatusOK, w.user.Raw)
	}
	a.header = whoHeaders(w)
	status, note := serveAnswer(x.w, x.r, a, w.faults[ep])
	x.entry.Status, x.dropped = status, status == 0
	if note != "" {
		x.entry.Detail = note
	}
}

// noAPI3 reports a call to REST API v3 on Server/Data Center, which has only
// /rest/api/2 and /rest/api/latest: v3 is Cloud's (org-jira#386: "/rest/api/3
// ... on a legacy instance leads to a 404").
func noAPI3(r *http.Request, f Flavor, prefix string) bool {
	return f == Server && strings.HasPrefix(r.URL.Path, prefix+"/rest/api/3/")
}

// notFoundURI is Jersey's 404 for a resource JIRA Server does not have,
// {"message":"null for uri: <url>","status-code":404}, as recorded in
// solidify/jira-azuredevops-migrator#13 and qoomon/Jira-Issue-Card-Printer#48.
func notFoundURI(r *http.Request) answer {
	b, _ := json.Marshal(struct {
		Message string `json:"message"`
		Status  int    `json:"status-code"`
	}{"null for uri: " + requestBase(r) + r.URL.RequestURI(), http.StatusNotFound})
	return jsonAnswer(http.StatusNotFound, b)
}

// writeAnswer sends a without faults, for answers of no endpoint.
func writeAnswer(x *exchange, a answer) {
	status, _ := serveAnswer(x.w, x.r, a, Fault{})
	x.entry.Status = status
	x.entry.Detail = "no such resource on JIRA Server"
}

// whoHeaders are the headers JIRA adds to an authenticated answer (docs/jira.md "REST shapes"):
// X-AUSERNAME on Server, X-AACCOUNTID on Cloud, and X-Seraph-LoginReason.
func whoHeaders(w *world) http.Header {
	// JIRA's own spelling; header names are case-insensitive anyway.
	h := http.Header{"X-Seraph-LoginReason": {"OK"}}
	if w.flavor == Cloud {
		h["X-AACCOUNTID"] = []string{w.user.AccountID}
	} else {
		h["X-AUSERNAME"] = []string{w.user.Name}
	}
	return h
}

// anonymous is JIRA's answer to a call without (complete) OAuth: 401 with
// the "not authenticated" error (docs/jira.md "REST shapes").
func anonymous(f Flavor) answer {
	a := errorAnswer(http.StatusUnauthorized, "You are not authenticated. Authentication required to perform this operation.")
	if f == Server {
		a.header = http.Header{"X-AUSERNAME": {"anonymous"}}
	}
	return a
}

// session is GET /rest/auth/1/session: self, name and loginInfo (docs/jira.md "REST shapes").
// On Cloud (unconfirmed there, see doc.go) it has self and loginInfo and no
// name, self naming the accountId.
func session(base string, w *world, now time.Time) answer {
	type loginInfo struct {
		FailedLoginCount  int    `json:"failedLoginCount"`
		LoginCount        int    `json:"loginCount"`
		PreviousLoginTime string `json:"previousLoginTime"`
	}
	type sess struct {
		Self      string    `json:"self"`
		Name      string    `json:"name,omitempty"`
		LoginInfo loginInfo `json:"loginInfo"`
	}
	v := sess{LoginInfo: loginInfo{LoginCount: 1, PreviousLoginTime: now.Add(-time.Hour).Format("2006-01-02T15:04:05.000-0700")}}
	self := base + "/rest/api/latest/user?"
	if w.flavor == Cloud {
		v.Self = self + "accountId=" + strings.ReplaceAll(url.QueryEscape(w.user.AccountID), "%3A", ":") // as JIRA writes it
	} else {
		v.Self = self + "username=" + url.QueryEscape(w.user.Name)
		v.Name = w.user.Name
	}
	b, _ := json.Marshal(v)
	return jsonAnswer(http.StatusOK, b)
}

// userLookup is GET /rest/api/2/user (docs/jira.md "REST shapes"). Server finds a user by
// ?username= (case-insensitive, as JIRA user names are) or ?key=; Cloud by
// ?accountId= and refuses ?username= and ?key= in GDPR strict mode. The user
// is served verbatim, whatever ?expand= asks: the user files hold JIRA's
// answer to expand=groups.
func userLookup(r *http.Request, w *world) answer {
	q := r.URL.Query()
	if w.flavor == Cloud {
		for _, banned := range []string{"username", "key"} {
			if q.Has(banned) {
				return errorAnswer(http.StatusBadRequest, "The query parameter '"+banned+"' is not supported in GDPR strict mode.")
			}
		}
		// Cloud's texts, as clients have recorded them: apache/devlake#4302
		// and jenkinsci/jira-plugin#474 (400 "The 'accountId' query
		// parameter needs to be provided"), lesstif/php-jira-rest-client#358
		// (404 "Specified user does not exist or you do not have required
		// permissions").
		id := q.Get("accountId")
		if id == "" {
			return errorAnswer(http.StatusBadRequest, "The 'accountId' query parameter needs to be provided")
		}
		for _, u := range w.users {
			if u.AccountID == id {
				return jsonAnswer(http.StatusOK, u.Raw)
			}
		}
		return errorAnswer(http.StatusNotFound, "Specified user does not exist or you do not have required permissions")
	}
	switch {
	case q.Has("username"):
		name := q.Get("username")
		for _, u := range w.users {
			if u.Name != "" && strings.EqualFold(u.Name, name) {
				return jsonAnswer(http.StatusOK, u.Raw)
			}
		}
		return errorAnswer(http.StatusNotFound, "The user named '"+name+"' does not exist")
	case q.Has("key"):
		key := q.Get("key")
		for _, u := range w.users {
			if u.Key != "" && u.Key == key {
				return jsonAnswer(http.StatusOK, u.Raw)
			}
		}
		return errorAnswer(http.StatusNotFound, "The user with the key '"+key+"' does not exist")
	}
	return errorAnswer(http.StatusNotFound, "Either the 'username' or the 'key' query parameters need to be provided")
}

func jsonAnswer(status int, body []byte) answer {
	return answer{status: status, contentType: jsonType, body: body}
}

// errorAnswer is JIRA's REST error shape: {"errorMessages":[…],"errors":{}}.
func errorAnswer(status int, msg string) answer {
	b, _ := json.Marshal(struct {
		ErrorMessages []string          `json:"errorMessages"`
		Errors        map[string]string `json:"errors"`
	}{[]string{msg}, map[string]string{}})
	return jsonAnswer(status, b)
}
