package jiramock

import (
	"encoding/json"
	"net/http"
	"strings"
)

// Endpoints of Atlassian Cloud's API gateway that faults can target; the
// gateway's /ex/jira/{cloudid}/rest/api/3/myself shares EndpointMyself.
const (
	// EndpointMe is GET https://api.atlassian.com/me.
	EndpointMe Endpoint = "me"
	// EndpointResources is GET https://api.atlassian.com/oauth/token/accessible-resources.
	EndpointResources Endpoint = "accessible-resources"
)

// serveCloud answers api.atlassian.com's paths for a Cloud 3LO token
// (docs/jira.md "OAuth 2.0"): /me needs read:me, accessible-resources any
// token, and /ex/jira/{cloudid}/rest/api/3/myself (or /user) read:jira-user
// and the mock's CloudID. The world's fault for the endpoint changes the
// answer last, as for OAuth 1.0a.
func (o *oauth2Provider) serveCloud(x *exchange, ep Endpoint) {
	need, tail := "", ""
	switch ep {
	case EndpointMe:
		need = "read:me"
	case EndpointMyself:
		need = "read:jira-user"
		var id string
		id, tail, _ = strings.Cut(strings.TrimPrefix(x.r.URL.Path, o.m.prefix+pathCloudJiraPrefix), "/")
		tail = "/" + tail
		if id != CloudID {
			if w := o.checkBearer(x, Cloud, need); w != nil {
				writeAnswerAs(x, cloudError(http.StatusNotFound, "Not Found"), "no site with cloud id "+id+": use the id of /oauth/token/accessible-resources ("+CloudID+")")
			}
			return
		}
	}
	w := o.checkBearer(x, Cloud, need)
	if w == nil {
		return
	}
	var a answer
	switch {
	case ep == EndpointMe:
		a = jsonAnswer(http.StatusOK, meProfile(w.user))
	case ep == EndpointResources:
		a = o.resources(x, w)
	case restPath(tail, "myself"):
		a = jsonAnswer(http.StatusOK, w.user.Raw)
	case restPath(tail, "user"):
		a = userLookup(x.r, w)
		ep = EndpointUser
	default:
		writeAnswerAs(x, cloudError(http.StatusNotFound, "Not Found"), "the mock serves only /rest/api/3/myself and /rest/api/3/user below /ex/jira/{cloudid}")
		return
	}
	status, note := serveAnswer(x.w, x.r, a, w.faults[ep])
	x.entry.Status, x.dropped = status, status == 0
	if note != "" {
		x.entry.Detail = note
	}
}

// resources is /oauth/token/accessible-resources: the one site, with the
// token's scopes (offline_access is not a site scope).
func (o *oauth2Provider) resources(x *exchange, w *world) answer {
	t := o.store.lookup(x.entry.Token)
	scopes := []string{}
	for _, s := range t.scopes {
		if s != "offline_access" {
			scopes = append(scopes, s)
		}
	}
	b, _ := json.Marshal([]map[string]any{{
		"id": CloudID, "url": o.m.baseFor(x.r), "name": "mock-jira", "scopes": scopes,
		"avatarUrl": "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png",
	}})
	return jsonAnswer(http.StatusOK, b)
}

// cloudError is api.atlassian.com's error shape {"code":…,"message":…}.
func cloudError(status int, msg string) answer {
	b, _ := json.Marshal(struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}{status, msg})
	return jsonAnswer(status, b)
}

// meProfile is the user identity API's /me for a Cloud user: account_type,
// account_id, email, name, picture, account_status, nickname, zoneinfo,
// locale and extended_profile (docs/jira.md "OAuth 2.0"). It is built from
// the user's JIRA object: nickname is the display name and the locale's "_"
// becomes "-" (assumptions); fields the user lacks are left out.
func meProfile(u User) []byte {
	var j struct {
		AccountType string            `json:"accountType"`
		Active      *bool             `json:"active"`
		TimeZone    string            `json:"timeZone"`
		Locale      string            `json:"locale"`
		Avatars     map[string]string `json:"avatarUrls"`
	}
	_ = json.Unmarshal(u.Raw, &j)
	status := "active"
	if j.Active != nil && !*j.Active {
		status = "inactive"
	}
	me := map[string]any{
		"account_type":     "atlassian",
		"account_id":       u.AccountID,
		"name":             u.DisplayName,
		"nickname":         u.DisplayName,
		"account_status":   status,
		"extended_profile": map[string]string{},
	}
	if j.AccountType != "" {
		me["account_type"] = j.AccountType
	}
	if u.EmailAddress != "" {
		me["email"] = u.EmailAddress
	}
	if p := j.Avatars["48x48"]; p != "" {
		me["picture"] = p
	}
	if j.TimeZone != "" {
		me["zoneinfo"] = j.TimeZone
	}
	if j.Locale != "" {
		me["locale"] = strings.ReplaceAll(j.Locale, "_", "-")
	}
	b, _ := json.Marshal(me)
	return b
}
