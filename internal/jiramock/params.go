package jiramock

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// param is one request parameter, decoded.
type param struct{ name, value string }

// maxFormBody caps the form body the mock reads for parameters.
const maxFormBody = 1 << 20

// collectParams gathers a request's parameters from the three places RFC 5849
// §3.4.1.3.1 and JIRA read them (docs/jira.md "OAuth 1.0a provider"): the OAuth Authorization header,
// the query as received, and a form-encoded POST body. Names and values are
// decoded; repeated names stay repeated.
func collectParams(r *http.Request) ([]param, error) {
	params := make([]param, 0, 12)
	var err error
	// Every Authorization header counts, in order (net.oauth
	// HttpRequestMessage.getParameters reads request.getHeaders).
	for _, h := range r.Header.Values("Authorization") {
		if params, err = appendAuthHeader(params, h); err != nil {
			return nil, err
		}
	}
	params = appendForm(params, rawQuery(r))
	// Tomcat (JIRA's servlet container) reads form parameters of POST bodies
	// only; a PUT's form body is not seen, so not signed.
	if r.Method == http.MethodPost && r.Body != nil && isForm(r.Header.Get("Content-Type")) {
		body, err := io.ReadAll(io.LimitReader(r.Body, maxFormBody+1))
		if err != nil {
			return nil, fmt.Errorf("jiramock: reading the form body: %w", err)
		}
		if len(body) > maxFormBody {
			return nil, errors.New("jiramock: form body larger than 1 MiB")
		}
		params = appendForm(params, string(body))
	}
	return params, nil
}

// isForm reports whether Tomcat reads a POST body as form parameters: the
// Content-Type up to its first ';', trimmed, must equal
// "application/x-www-form-urlencoded" exactly, case included; parameters such
// as a charset are ignored, even malformed ones (Tomcat
// org.apache.catalina.connector.Request.parseParameters).
func isForm(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.TrimSpace(mt) == "application/x-www-form-urlencoded"
}

// rawPath and rawQuery split the request target as received, before Go's
// net/url cleaned anything. An absolute-form target (a proxy request) keeps
// only its path.
func splitTarget(r *http.Request) (path, query string) {
	target := r.RequestURI
	if target == "" { // a request built in a test, not read off the wire
		target = r.URL.RequestURI()
	}
	if i := strings.Index(target, "://"); i >= 0 && !strings.HasPrefix(target, "/") {
		rest := target[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			target = rest[j:]
		} else if j := strings.IndexByte(rest, '?'); j >= 0 {
			target = rest[j:]
		} else {
			target = ""
		}
	}
	path, query, _ = strings.Cut(target, "?")
	return path, query
}

func rawQuery(r *http.Request) string { _, q := splitTarget(r); return q }

// appendForm decodes an application/x-www-form-urlencoded string (a query or
// a body) the way a servlet container does: pairs split on '&', a missing
// '=' meaning an empty value, '+' meaning a space, a pair with an empty name
// or a bad percent-escape skipped.
func appendForm(params []param, s string) []param {
	for s != "" {
		var pair string
		pair, s, _ = strings.Cut(s, "&")
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		if k == "" {
			// "&=foo&": Tomcat's Parameters.processParameters skips a pair
			// with an empty name, so JIRA does not sign it (node-oauth's
			// querystring.parse keeps it as "": its signature then fails).
			continue
		}
		name, err1 := formDecode(k)
		value, err2 := formDecode(v)
		if err1 != nil || err2 != nil {
			// Tomcat's Parameters.processParameters logs a pair it cannot
			// URL-decode and skips it: JIRA does not sign it.
			continue
		}
		params = append(params, param{name: name, value: value})
	}
	return params
}

// formDecode undoes percent-encoding with '+' as a space, like Java's
// URLDecoder, which net.oauth uses for header values too ("flexible
// decoding"). It returns s itself when there is nothing to decode.
func formDecode(s string) (string, error) {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+':
			b = append(b, ' ')
		case '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return "", fmt.Errorf("bad percent-escape at byte %d", i)
			}
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return string(b), nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// appendAuthHeader parses an `Authorization: OAuth k="v", k2="v2"` header
// (RFC 5849 §3.5.1) exactly as net.oauth's OAuthMessage.decodeAuthorization
// does: the scheme "OAuth" in any case, pairs split on commas with optional
// white space around them (so node-oauth's `k="v",k="v"` and dghubble's
// `k="v", k="v"` both read), names and values percent-decoded with '+' as a
// space. A pair that is not name="value" (an unquoted value, a stray word) is
// silently ignored, as there: the parameter is then absent, and JIRA answers
// parameter_absent, or treats a REST call as anonymous. A realm in any case is
// dropped (net.oauth HttpRequestMessage.getParameters: it is not signed, RFC
// 5849 §3.4.1.3.1). A header of another scheme (Basic, Bearer) carries no
// OAuth parameters. Only a bad percent-escape is an error.
func appendAuthHeader(params []param, h string) ([]param, error) {
	// The patterns are net.oauth's OAuthMessage.AUTHORIZATION and NVP, which
	// JIRA's provider parses the header with (authparse.go).
	scheme, rest, ok := cutScheme(h)
	if !ok || !strings.EqualFold(scheme, "OAuth") {
		return params, nil
	}
	for more := true; more; {
		var nvp string
		nvp, rest, more = cutComma(rest)
		rawName, rawValue, ok := cutPair(nvp)
		if !ok {
			continue
		}
		name, err := formDecode(rawName)
		if err != nil {
			return nil, fmt.Errorf("jiramock: Authorization header: name %q: %w", rawName, err)
		}
		value, err := formDecode(rawValue)
		if err != nil {
			return nil, fmt.Errorf("jiramock: Authorization header: %s: %w", name, err)
		}
		if strings.EqualFold(name, "realm") {
			continue
		}
		params = append(params, param{name: name, value: value})
	}
	return params, nil
}
