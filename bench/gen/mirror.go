package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// This file mirrors scripts/fetchUserProfile.js, the shipped script, in Go:
// its REST paths, toProfile, getJSON's error messages, snippet and the
// encodeURIComponent it calls. Keep it in step with the script; gen_test.go
// runs the generated cases against the script and fails when they drift.

// The paths the script calls, as its messages name them.
const (
	pathSession = "/rest/auth/1/session"
	pathMyself  = "/rest/api/2/myself?expand=groups"
)

// pathUser is the Server lookup: '/rest/api/2/user?expand=groups&username=' +
// encodeURIComponent(session.name).
func pathUser(name string) string {
	return "/rest/api/2/user?expand=groups&username=" + encodeURIComponent(name)
}

// encodeURIComponent is ECMAScript's: UTF-8 bytes, percent-encoded with
// upper-case hex, except A-Z a-z 0-9 - _ . ! ~ * ' ( ).
func encodeURIComponent(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-_.!~*'()", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// jsSpace is JavaScript's \s: WhiteSpace and LineTerminator (ECMA-262 22.2.2.9).
var jsSpace = regexp.MustCompile(`[\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+`)

// snippet is the script's snippet(text): whitespace runs become one space,
// and text longer than 200 UTF-16 code units is cut there and ends with '…'.
// ok is false when the cut would split a surrogate pair, which Go strings
// cannot hold; the generator avoids such bodies.
func snippet(text string) (s string, ok bool) {
	text = jsSpace.ReplaceAllString(text, " ")
	units := utf16.Encode([]rune(text))
	if len(units) <= 200 {
		return text, true
	}
	if utf16.IsSurrogate(rune(units[199])) && units[199] < 0xdc00 {
		return "", false
	}
	return string(utf16.Decode(units[:200])) + "…", true
}

// The messages of getJSON's errors, as String(err) shows them ("Error: …").

// msgHTTP is a non-2xx answer, node-oauth's {statusCode, data} (docs/node-oauth.md).
func msgHTTP(path string, status int, body string) (string, bool) {
	s, ok := snippet(body)
	return "Error: JIRA " + path + " failed: HTTP " + strconv.Itoa(status) + " " + s, ok
}

// msgNetwork is a network error: node-oauth passes Node's Error through.
func msgNetwork(path, nodeMessage string) string {
	return "Error: JIRA " + path + " failed: " + nodeMessage
}

// msgNot200 is a 2xx answer other than 200.
func msgNot200(path string, status int) string {
	return "Error: JIRA " + path + " answered HTTP " + strconv.Itoa(status) + " where 200 was expected"
}

// msgNotObject is a body that parses to something other than an object.
func msgNotObject(path, body string) (string, bool) {
	s, ok := snippet(body)
	return "Error: JIRA " + path + " returned " + s + " where a JSON object was expected", ok
}

// reInvalidJSON is the message of a body JSON.parse refuses, as a regexp: the
// parser's own message matches anything, even across lines (V8 quotes the
// body's start, newlines and all; the runtime copies V8's wording, but the
// expectation does not depend on it).
func reInvalidJSON(path, body string) (string, bool) {
	s, ok := snippet(body)
	return "^" + regexp.QuoteMeta("Error: JIRA "+path+" returned invalid JSON (") + `(?s:.+)` + regexp.QuoteMeta("): "+s) + "$", ok
}

// exact is a message expectation that matches msg and nothing else.
func exact(msg string) string { return "^" + regexp.QuoteMeta(msg) + "$" }

// kv is one member of a JSON object written in order.
type kv struct {
	k string
	v json.RawMessage
}

// toProfile is the script's toProfile(user, userId) as JSON.stringify writes
// it: members in the script's order, undefined ones left out, the rest
// copied verbatim from the user object.
func toProfile(userRaw []byte, userID string) (json.RawMessage, error) {
	var user map[string]json.RawMessage
	if err := json.Unmarshal(userRaw, &user); err != nil {
		return nil, fmt.Errorf("gen: the user is not a JSON object: %w", err)
	}
	id, _ := json.Marshal(userID)
	out := []kv{{"user_id", id}}
	// username: user.name || undefined
	if name, ok := user["name"]; ok && truthy(name) {
		out = append(out, kv{"username", name})
	}
	add := func(k string, v json.RawMessage, ok bool) {
		if ok {
			out = append(out, kv{k, v})
		}
	}
	v, ok := user["emailAddress"]
	add("email", v, ok)
	v, ok = user["displayName"]
	add("name", v, ok)
	v, ok = user["groups"]
	add("groups", v, ok)
	// avatars = user.avatarUrls || {}; picture: avatars['48x48']
	if av, ok := user["avatarUrls"]; ok && truthy(av) {
		var avatars map[string]json.RawMessage
		if json.Unmarshal(av, &avatars) == nil {
			v, ok = avatars["48x48"]
			add("picture", v, ok)
		}
	}
	v, ok = user["active"]
	add("active", v, ok)
	v, ok = user["self"]
	add("self", v, ok)
	v, ok = user["timeZone"]
	add("timezone", v, ok)
	v, ok = user["locale"]
	add("locale", v, ok)
	return object(out), nil
}

// object writes members as a JSON object.
func object(members []kv) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.k)
		b.Write(k)
		b.WriteByte(':')
		b.Write(m.v)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// truthy is JavaScript's truthiness of a JSON value.
func truthy(v json.RawMessage) bool {
	switch s := string(bytes.TrimSpace(v)); s {
	case "null", "false", `""`, "0", "-0", "":
		return false
	default:
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f != 0
		}
		return true
	}
}
