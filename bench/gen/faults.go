package gen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"unicode/utf8"
)

// fault is one kind of JIRA misbehaviour and what the shipped script makes
// of it. make returns the case's faults (jiramock.Faults in case-file JSON)
// and its expectation; ok is false when this user cannot have this fault
// (the generator then picks another).
type fault struct {
	name string
	make func(r *rand.Rand, c *target) (faults json.RawMessage, exp expect, ok bool)
}

// target is what a fault needs to know of a case: the flavor, the user, and
// the endpoint and path of the script's second call.
type target struct {
	cloud        bool
	u            user
	lookupEP     string // "user" (Server) or "myself" (Cloud)
	lookupPath   string // the path the script's messages name
	lookupTarget string // a path that answers the same user, for redirects
}

// expect is a case's expectation in case-file JSON.
type expect struct {
	Profile json.RawMessage `json:"profile,omitempty"`
	Error   *expectError    `json:"error,omitempty"`
}

type expectError struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

func callback(re string) expect { return expect{Error: &expectError{Kind: "callback", Message: re}} }

// faultsJSON is {"<endpoint>": fault}.
func faultsJSON(ep string, f map[string]any) json.RawMessage {
	return marshal(map[string]any{ep: f})
}

const jiraJSON = "application/json;charset=UTF-8"

// jiraError is JIRA's REST error body.
func jiraError(msg string) string {
	return string(marshal(map[string]any{"errorMessages": []string{msg}, "errors": map[string]string{}}))
}

// htmlPages are what sits in front of JIRA at times: a proxy's sign-in page,
// a gateway error, a maintenance page (with no-break spaces, which JS's \s
// collapses too).
var htmlPages = []string{
	"<!DOCTYPE html>\n<html>\n<head><title>Sign in - Corporate Web Proxy</title></head>\n<body>\n  <h1>Authentication required</h1>\n  <form method=\"post\" action=\"/proxy/login\"><input name=\"user\"><input name=\"password\" type=\"password\"></form>\n</body>\n</html>\n",
	"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
	"<html><body>\n\t<h1>JIRA\u00a0is\u00a0down\u00a0for\u00a0maintenance</h1>\n\t<p>We’ll be back at 06:00 UTC.   Thank you for your patience — the Atlassian admins.</p>\n</body></html>",
}

// endpointPath is the path the script's messages name for an endpoint.
func (c *target) path(ep string) string {
	if ep == "session" {
		return pathSession
	}
	return c.lookupPath
}

// pick chooses the session or the lookup.
func pick(r *rand.Rand, c *target) string {
	if r.IntN(2) == 0 {
		return "session"
	}
	return c.lookupEP
}

var faultKinds = []fault{
	{"http-500", func(r *rand.Rand, c *target) (json.RawMessage, expect, bool) {
		ep, status := pick(r, c), []int{500, 500, 502, 503}[r.IntN(4)]
		body, ct := jiraError("Internal server error"), jiraJSON
		if r.IntN(2) == 0 {
			body, ct = htmlPages[1+r.IntN(2)], "text/html; charset=utf-8"
		}
		msg, ok := msgHTTP(c.path(ep), status, body)
		return faultsJSON(ep, map[string]any{"status": status, "body": body, "contentType": ct}), callback(exact(msg)), ok
	}},
	{"session-2xx", func(r *rand.Rand, c *target) (json.RawMessage, expect, bool) {
		// 204 No Content, or a 201 with the usual body: 2xx but not 200.
		f := map[string]any{"status": 204, "body": ""}
		if r.IntN(3) == 0 {
			f = map[string]any{"status": 201}
		}
		return faultsJSON("session", f), callback(exact(msgNot200(pathSession, f["status"].(int)))), true
	}},
	{"lookup-404", func(r *rand.Rand, c *target) (json.RawMessage, expect, bool) {
		body := jiraError("Specified user does not exist or you do not have required permissions")
		if !c.cloud {
			body = jiraError("The user named '" + c.u.name + "' does not exist")
		}
		msg, ok := msgHTTP(c.lookupPath, 404, body)
		return faultsJSON(c.lookupEP, map[string]any{"status": 404, "body": body, "contentType": jiraJSON}), callback(exact(msg)), ok
	}},
	{"html", func(r *rand.Rand, c *target) (json.RawMessage, expect, bool) {
		ep, body := pick(r, c), htmlPages[r.IntN(len(htmlPages))]
		re, ok := reInvalidJSON(c.path(ep), body)
		return faultsJSON(ep, map[string]any{"body": body, "contentType": "text/html; charset=utf-8"}), callback(re), ok
	}},
	{"truncated-json", func(r *rand.Rand, c *target) (json.RawMessage, expect, bool) {
		// A proper prefix of an object never parses. Cut on a character
		// boundary: the body is text to both Node and the runtime.
		raw := string(c.u.raw)
		cut := 10 + r.IntN(len(raw)-11)
		for !utf8.RuneStart(raw[cut]) {
			cut--
		}
		body := raw[:cut]
		re, ok := reInvalidJSON(c.lookupPath, body)
		return faultsJSON(c.lookupEP, map[string]any{"body": body, "contentType": jiraJSON}), callback(re), ok
	}},
	{"not-object", func(r *rand.Rand, c *target) (json.RawMessage, expect, bool) {
		ep, body := pick(r, c), []string{"null", "42", `"ok"`, "true"}[r.IntN(4)]
		msg, ok := msgNotObject(c.path(ep), body)
		return faultsJSON(ep, map[string]any{"body": body, "contentType": jiraJSON}), callback(exact(msg)), ok
	}},
	{"drop", func(r *rand.Rand, c *target) (json.RawMessage, expect, bool) {
		// Node's error for a connection closed before any answer.
		ep := pick(r, c)
		return faultsJSON(ep, map[string]any{"drop": true}), callback(exact(msgNetwork(c.path(ep), "socket hang up"))), true
	}},
	{"redirect", func(r *rand.Rand, c *target) (json.RawMessage, expect, bool) {
		// 301/302 are followed with a fresh signature (docs/node-oauth.md); the session
		// redirected to /myself hands the script the user itself, whose name
		// (Server) or lack of one (Cloud) leads to the usual second call.
		status := []int{301, 302}[r.IntN(2)]
		ep, to := pick(r, c), c.lookupTarget
		if ep == "session" {
			to = pathMyself
		}
		p, err := expectedProfile(c)
		return faultsJSON(ep, map[string]any{"redirect": to, "status": status}), expect{Profile: p}, err == nil
	}},
	{"redirect-307", func(r *rand.Rand, c *target) (json.RawMessage, expect, bool) {
		// node-oauth follows only 301 and 302: a 307 is an error, empty body.
		ep := pick(r, c)
		msg, ok := msgHTTP(c.path(ep), 307, "")
		return faultsJSON(ep, map[string]any{"redirect": c.lookupTarget, "status": 307}), callback(exact(msg)), ok
	}},
}

// newTarget describes the user's case for the faults.
func newTarget(cloud bool, u user) *target {
	if cloud {
		return &target{cloud: true, u: u, lookupEP: "myself", lookupPath: pathMyself,
			lookupTarget: "/rest/api/2/user?accountId=" + url.QueryEscape(u.accountID) + "&expand=groups"}
	}
	return &target{u: u, lookupEP: "user", lookupPath: pathUser(u.name), lookupTarget: pathMyself}
}

// expectedProfile is the profile the script returns for the case's user:
// user_id is the name on Server and the accountId on Cloud.
func expectedProfile(c *target) (json.RawMessage, error) {
	id := c.u.name
	if c.cloud {
		id = c.u.accountID
	}
	return toProfile(c.u.raw, id)
}

// describeUser is a case description.
func describeUser(c *target) string {
	var u map[string]json.RawMessage
	_ = json.Unmarshal(c.u.raw, &u)
	var parts []string
	flavor, id := "Server", c.u.name
	if c.cloud {
		flavor, id = "Cloud", c.u.accountID
	}
	if _, ok := u["emailAddress"]; !ok {
		parts = append(parts, "no email")
	} else if string(u["emailAddress"]) == "null" {
		parts = append(parts, "null email")
	}
	if _, ok := u["avatarUrls"]; !ok {
		parts = append(parts, "no avatar")
	}
	if g, ok := u["groups"]; ok {
		var gs struct{ Size int }
		_ = json.Unmarshal(g, &gs)
		parts = append(parts, fmt.Sprintf("%d groups", gs.Size))
	} else {
		parts = append(parts, "no groups")
	}
	if string(u["active"]) == "false" {
		parts = append(parts, "inactive")
	}
	return fmt.Sprintf("%s user %s (%s)", flavor, id, strings.Join(parts, ", "))
}
