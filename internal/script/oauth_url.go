package script

import (
	"net/url"
	"regexp"
	"strings"
)

// legacyURL is what Node's legacy url.parse(url, false) returns for the
// fields node-oauth reads (lib/oauth.js L94, L284, L316, L565).
type legacyURL struct {
	Protocol string // lower-cased, with the colon ("http:"); "" when there is none
	Hostname string // lower-cased, IPv6 without brackets; "" when there is none
	Port     string
	Pathname string // "" when there is none
	Query    string // after "?", without it
	HasHost  bool
}

// Host is url.parse's host: hostname and port as in the URL, lower-cased.
func (u legacyURL) Host() string {
	h := u.Hostname
	if strings.Contains(h, ":") {
		h = "[" + h + "]"
	}
	if u.Port != "" {
		h += ":" + u.Port
	}
	return h
}

var (
	protocolPattern = regexp.MustCompile(`^[a-zA-Z0-9.+-]+:`)
	portPattern     = regexp.MustCompile(`:[0-9]*$`)
)

// slashedProtocols always have a host and a "/" path (Node's url.js).
var slashedProtocols = map[string]bool{"http:": true, "https:": true, "ftp:": true, "gopher:": true, "file:": true}

// autoEscape lists the characters url.parse escapes in the path and query
// (Node's url.js autoEscapeChars).
var autoEscape = strings.NewReplacer(
	"'", "%27", "{", "%7B", "}", "%7D", "|", "%7C", "\\", "%5C", "^", "%5E", "`", "%60",
	"<", "%3C", ">", "%3E", `"`, "%22", " ", "%20", "\r", "%0D", "\n", "%0A", "\t", "%09")

// parseLegacyURL follows Node's legacy url.parse for http(s) URLs: trimmed,
// backslashes before the query turned into slashes, protocol and host
// lower-cased, unsafe characters of path and query auto-escaped, the hash
// dropped. Unicode host names are not converted to punycode (doc.go).
func parseLegacyURL(raw string) legacyURL {
	var u legacyURL
	rest := strings.TrimSpace(raw)
	if q := strings.IndexAny(rest, "?#"); q >= 0 {
		rest = strings.ReplaceAll(rest[:q], `\`, "/") + rest[q:]
	} else {
		rest = strings.ReplaceAll(rest, `\`, "/")
	}
	if p := protocolPattern.FindString(rest); p != "" {
		u.Protocol = strings.ToLower(p)
		rest = rest[len(p):]
	}
	if strings.HasPrefix(rest, "//") && (u.Protocol == "" || u.Protocol != "javascript:") {
		rest = rest[2:]
		end := strings.IndexAny(rest, "/?#")
		if end < 0 {
			end = len(rest)
		}
		host := rest[:end]
		rest = rest[end:]
		if at := strings.LastIndex(host, "@"); at >= 0 {
			host = host[at+1:]
		}
		if p := portPattern.FindString(host); p != "" {
			if p != ":" {
				u.Port = p[1:]
			}
			host = host[:len(host)-len(p)]
		}
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
		u.Hostname = strings.ToLower(host)
		u.HasHost = true
	}
	rest = autoEscape.Replace(rest)
	if h := strings.IndexByte(rest, '#'); h >= 0 {
		rest = rest[:h]
	}
	if q := strings.IndexByte(rest, '?'); q >= 0 {
		u.Query = rest[q+1:]
		rest = rest[:q]
	}
	u.Pathname = rest
	if slashedProtocols[u.Protocol] && u.Hostname != "" && u.Pathname == "" {
		u.Pathname = "/"
	}
	return u
}

// normalizeURL is node-oauth's _normalizeUrl (L93-106): scheme and host
// lower-cased, the default port dropped, other ports kept, path verbatim
// (no dot segments resolved), "/" for an empty path, query and hash dropped.
// A URL without protocol or host gives "null//null/path", as in Node.
func normalizeURL(raw string) string {
	u := parseLegacyURL(raw)
	port := ""
	if u.Port != "" {
		if (u.Protocol == "http:" && u.Port != "80") || (u.Protocol == "https:" && u.Port != "443") {
			port = ":" + u.Port
		}
	}
	path := u.Pathname
	if path == "" {
		path = "/"
	}
	proto, host := u.Protocol, u.Hostname
	if proto == "" {
		proto = "null"
	}
	if !u.HasHost {
		host = "null"
	}
	return proto + "//" + host + port + path
}

// unescapeQS is Node's querystring.unescape: decodeURIComponent, or, when
// that fails, every valid %XX decoded as a byte and the rest kept.
func unescapeQS(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	if v, err := url.PathUnescape(s); err == nil && validUTF8(v) {
		return v
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s)+0 && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return toUTF8(b)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
