package script

import (
	"net/url"
	"strings"
	"sync"
)

// secretForms are the secrets and the encoded forms a script can turn them
// into on the way out: encodeURIComponent and node-oauth's _encodeData
// (lib/oauth.js L68-79) in a request URL, querystring's + for a space. A
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
		for _, f := range []string{encodeData(s), url.QueryEscape(s), strings.ReplaceAll(url.PathEscape(s), "+", "%2B")} {
			if f != s {
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

// redactResult hides the known secrets in everything the Result carries.
func (r *runner) redactResult() {
	res := r.res
	if res.Error != nil {
		res.Error.Message = r.red.String(res.Error.Message)
		res.Error.Stack = r.red.String(res.Error.Stack)
		if res.Error.Value != nil {
			res.Error.Value = []byte(r.red.String(string(res.Error.Value)))
		}
	}
	if res.Profile != nil {
		res.Profile = []byte(r.red.String(string(res.Profile)))
	}
	for i := range res.Console {
		res.Console[i].Text = r.red.String(res.Console[i].Text)
	}
	for i := range res.Requests {
		res.Requests[i].URL = r.red.String(res.Requests[i].URL)
		res.Requests[i].Error = r.red.String(res.Requests[i].Error)
	}
}
