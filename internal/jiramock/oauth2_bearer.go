package jiramock

import (
	"encoding/json"
	"net/http"
	"strings"
)

// bearerFrom reads `Authorization: Bearer <token>` (RFC 6750 §2.1). ok is
// false when the request carries no bearer credentials at all.
func bearerFrom(r *http.Request) (token string, ok bool) {
	h := r.Header.Get("Authorization")
	scheme, rest, _ := strings.Cut(h, " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(rest), true
}

// checkBearer finds the world of the request's bearer token for a resource
// of flavour f that needs scope need ("" for any). On failure it answers RFC
// 6750 §3: 401 with `WWW-Authenticate: Bearer … error="invalid_token"` for a
// missing, unknown, revoked, expired or other-flavour token; for a token
// without the scope, 403 insufficient_scope on Data Center, and on Cloud
// Atlassian's 401 "Unauthorized; scope does not match" (docs/jira.md
// "OAuth 2.0"). It returns nil after answering.
func (o *oauth2Provider) checkBearer(x *exchange, f Flavor, need string) *world {
	v, present := bearerFrom(x.r)
	x.entry.Token = v
	realm := o.m.baseFor(x.r)
	fail := func(status int, code, desc, scope string) *world {
		if code == "" {
			x.entry.Verdict, x.entry.Detail = "unauthorized", "no bearer token"
		} else {
			x.entry.Verdict, x.entry.Detail = code, desc
		}
		x.w.Header().Set("WWW-Authenticate", bearerChallenge(realm, code, desc, scope))
		writeBearerError(x, f, status, desc)
		return nil
	}
	if !present {
		return fail(http.StatusUnauthorized, "", "send Authorization: Bearer <access token>", "")
	}
	t := o.store.lookup(v)
	o.store.mu.Lock()
	revoked := t != nil && t.revoked
	o.store.mu.Unlock()
	switch {
	case v == "" || t == nil || t.refresh:
		return fail(http.StatusUnauthorized, ErrInvalidToken, "the mock issued no access token like this one: authorize again", "")
	case revoked:
		return fail(http.StatusUnauthorized, ErrInvalidToken, "the access token was revoked (its code was used twice): authorize again", "")
	case x.now.After(t.expires):
		return fail(http.StatusUnauthorized, ErrInvalidToken, "the access token has expired: refresh it or authorize again", "")
	case t.world.flavor != f && f == Server:
		return fail(http.StatusUnauthorized, ErrInvalidToken, "an Atlassian Cloud token works on api.atlassian.com/ex/jira/{cloudid}/…, not on the site's /rest/api", "")
	case t.world.flavor != f:
		return fail(http.StatusUnauthorized, ErrInvalidToken, "a Jira Data Center token works on the Jira site's /rest/api, not on api.atlassian.com", "")
	case need != "" && !hasScope(f, t.scopes, need):
		status, desc := http.StatusForbidden, "the access token lacks scope "+need+": ask for it when authorizing"
		if f == Cloud {
			status, desc = http.StatusUnauthorized, "Unauthorized; scope does not match"
			x.w.Header().Set("X-Failure-Category", "FAILURE_CLIENT_SCOPE_CHECK")
		}
		return fail(status, ErrInsufficientScope, desc, need)
	}
	x.entry.Verdict = VerdictOK
	return t.world
}

// writeBearerError writes the body of a refused bearer call: JIRA's REST
// error shape on Data Center, api.atlassian.com's {"code","message"} on
// Cloud (as recorded in raycast/extensions#11212 and kovetskiy/mark#917).
func writeBearerError(x *exchange, f Flavor, status int, desc string) {
	var a answer
	if f == Cloud {
		msg := "Unauthorized"
		if status == http.StatusUnauthorized && strings.HasPrefix(desc, "Unauthorized;") {
			msg = desc
		}
		b, _ := json.Marshal(struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		}{status, msg})
		a = jsonAnswer(status, b)
	} else {
		msg := "You are not authenticated. Authentication required to perform this operation."
		if status == http.StatusForbidden {
			msg = "The access token does not have the scope this resource requires."
		}
		a = errorAnswer(status, msg)
	}
	writeAnswerAs(x, a, "")
}

// writeAnswerAs sends a without faults and notes detail in the log.
func writeAnswerAs(x *exchange, a answer, detail string) {
	status, _ := serveAnswer(x.w, x.r, a, Fault{})
	x.entry.Status = status
	if detail != "" {
		x.entry.Detail = detail
	}
}
