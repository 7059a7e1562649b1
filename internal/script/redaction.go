package script

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
)

// secretForms are the secrets and the encoded forms a script can turn them
// into on the way out: encodeURIComponent, encodeURI (which is also what
// url.parse's auto-escaping does to a path), escape, node-oauth's
// _encodeData (lib/oauth.js L68-79) in a request URL, querystring's + for a
// space, a path-escaped segment. A
// PEM's lines get the same forms one by one, since a PEM line, not the
// whole key, is what fits in a URL or a log line. internal/redact adds the
// raw lines and the JSON-escaped forms.
func secretForms(secrets []string) []string {
	out := append([]string(nil), secrets...)
	for _, s := range secrets {
		out = append(out, encodedForms(s)...)
	}
	return out
}

// encodedFormsCache keeps each secret's encoded forms: the client secret (the
// PEM) is the same for every run of a suite, and encoding its lines was 2% of
// a generated suite's CPU. Bounded: when full, it starts afresh.
var encodedFormsCache struct {
	sync.Mutex
	m map[string][]string
}

const maxEncodedFormsCache = 256

// encodedForms is one secret's encoded forms, those of its lines if it has
// several, in secretForms's order. The slice is shared: do not modify it.
func encodedForms(s string) []string {
	c := &encodedFormsCache
	c.Lock()
	forms, ok := c.m[s]
	c.Unlock()
	if ok {
		return forms
	}
	forms = computeEncodedForms(s)
	if len(s) < minCachedSecret {
		return forms // a token secret: unique to its run, not worth keeping
	}
	c.Lock()
	if c.m == nil || len(c.m) >= maxEncodedFormsCache {
		c.m = make(map[string][]string)
	}
	c.m[s] = forms
	c.Unlock()
	return forms
}

// minCachedSecret: only secrets this long (a PEM, an API token) are cached.
const minCachedSecret = 64

func computeEncodedForms(s string) []string {
	var out []string
	add := func(s string) {
		start := len(out)
		for _, f := range []string{encodeData(s), url.QueryEscape(s), strings.ReplaceAll(url.PathEscape(s), "+", "%2B"),
			percentEncode(s, uriComponentKeeps), percentEncode(s, uriKeeps), jsEscape(s)} {
			if f != s && !slices.Contains(out[start:], f) {
				out = append(out, f)
			}
		}
	}
	add(s)
	if strings.Contains(s, "\n") {
		for _, line := range strings.Split(s, "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "-----") {
				add(line)
			}
		}
	}
	return out
}

// uriComponentKeeps are the characters encodeURIComponent leaves alone
// (ECMA-262 uriUnescaped); uriKeeps adds encodeURI's uriReserved and "#".
const (
	uriComponentKeeps = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()"
	uriKeeps          = uriComponentKeeps + ";/?:@&=+$,#"
)

// percentEncode is encodeURIComponent (keep = uriComponentKeeps) or
// encodeURI (keep = uriKeeps): every other byte of the UTF-8 as %XX.
func percentEncode(s, keep string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
		}
	}
	return b.String()
}

// jsEscape is the global escape (ECMA-262 B.2.1.1): A-Z a-z 0-9 @*_+-./
// kept, other UTF-16 code units below 256 as %XX, the rest as %uXXXX.
func jsEscape(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		switch {
		case u < 128 && strings.IndexByte(uriComponentKeeps[:62]+"@*_+-./", byte(u)) >= 0:
			b.WriteByte(byte(u))
		case u < 256:
			b.WriteString(fmt.Sprintf("%%%02X", u))
		default:
			b.WriteString(fmt.Sprintf("%%u%04X", u))
		}
	}
	return b.String()
}

// redactResult hides the known secrets in everything the Result carries.
func (r *runner) redactResult() {
	res := r.h.res
	if res.Error != nil {
		res.Error.Message = r.h.red.String(res.Error.Message)
		res.Error.Stack = r.h.red.String(res.Error.Stack)
		if res.Error.Value != nil {
			res.Error.Value = []byte(r.h.red.String(string(res.Error.Value)))
		}
	}
	if res.Profile != nil {
		res.Profile = []byte(r.h.red.String(string(res.Profile)))
	}
	for i := range res.Console {
		res.Console[i].Text = r.h.red.String(res.Console[i].Text)
	}
	for i := range res.Requests {
		res.Requests[i].URL = r.h.red.String(res.Requests[i].URL)
		res.Requests[i].Error = r.h.red.String(res.Requests[i].Error)
	}
}
