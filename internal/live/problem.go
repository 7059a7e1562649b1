package live

import (
	"net/http"
	"net/url"
	"strings"
)

// ParseProblem reads JIRA's OAuth problem report from a reply: the
// WWW-Authenticate header `OAuth realm="…", oauth_problem="…", …` with
// percent-encoded values, and the same parameters form-encoded in the body
// (docs/jira.md "OAuth 1.0a provider", "Error reply"; a real Cloud reply carries only the body). It
// returns the oauth_problem and every parameter found, the header's winning
// over the body's; problem is "" when the reply reports none.
func ParseProblem(header http.Header, body []byte) (problem string, params url.Values) {
	params = url.Values{}
	if b := strings.TrimSpace(string(body)); strings.Contains(b, "oauth_problem=") {
		// ParseQuery keeps what parses when a part does not.
		vals, _ := url.ParseQuery(b)
		for k, v := range vals {
			params[k] = v
		}
	}
	for _, h := range header.Values("WWW-Authenticate") {
		for k, v := range parseAuthenticate(h) {
			params.Set(k, v)
		}
	}
	return params.Get("oauth_problem"), params
}

// parseAuthenticate parses one `OAuth k="v", k2="v2"` challenge. Values are
// percent-encoded by net.oauth (OAuth.percentEncode), so they are decoded as
// RFC 3986 percent-encoding, where '+' stays a '+'. Other schemes give nil.
func parseAuthenticate(h string) map[string]string {
	h = strings.TrimSpace(h)
	if len(h) < 6 || !strings.EqualFold(h[:6], "OAuth ") {
		return nil
	}
	out := map[string]string{}
	s := h[6:]
	for {
		s = strings.TrimLeft(s, " \t,")
		if s == "" {
			return out
		}
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return out
		}
		key := strings.TrimSpace(s[:eq])
		s = strings.TrimLeft(s[eq+1:], " \t")
		var val string
		if strings.HasPrefix(s, `"`) {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				val, s = s[1:], ""
			} else {
				val, s = s[1:1+end], s[2+end:]
			}
		} else if comma := strings.IndexByte(s, ','); comma >= 0 {
			val, s = strings.TrimSpace(s[:comma]), s[comma:]
		} else {
			val, s = strings.TrimSpace(s), ""
		}
		if dec, err := url.PathUnescape(val); err == nil {
			val = dec
		}
		out[key] = val
	}
}
