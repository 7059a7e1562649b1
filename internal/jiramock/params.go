package jiramock

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// param is one request parameter, decoded. fromHeader marks parameters of the
// Authorization header, whose realm is not signed (RFC 5849 §3.4.1.3.1).
type param struct {
	name, value string
	fromHeader  bool
}

// maxFormBody caps the form body the mock reads for parameters.
const maxFormBody = 1 << 20

// collectParams gathers a request's parameters from the three places RFC 5849
// §3.4.1.3.1 and JIRA read them (FACTS §4): the OAuth Authorization header,
// the query as received, and a form-encoded POST body. Names and values are
// decoded; repeated names stay repeated.
func collectParams(r *http.Request) ([]param, error) {
	params := make([]param, 0, 12)
	var err error
	if h := r.Header.Get("Authorization"); h != "" {
		if params, err = appendAuthHeader(params, h); err != nil {
			return nil, err
		}
	}
	if params, err = appendForm(params, rawQuery(r), "query"); err != nil {
		return nil, err
	}
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
		if params, err = appendForm(params, string(body), "form body"); err != nil {
			return nil, err
		}
	}
	return params, nil
}

func isForm(contentType string) bool {
	if contentType == "" {
		return false
	}
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == "application/x-www-form-urlencoded"
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
// '=' meaning an empty value, '+' meaning a space.
func appendForm(params []param, s, where string) ([]param, error) {
	for s != "" {
		var pair string
		pair, s, _ = strings.Cut(s, "&")
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		name, err := formDecode(k)
		if err != nil {
			return nil, fmt.Errorf("jiramock: %s parameter %q: %w", where, k, err)
		}
		value, err := formDecode(v)
		if err != nil {
			return nil, fmt.Errorf("jiramock: %s parameter %q: %w", where, k, err)
		}
		params = append(params, param{name: name, value: value})
	}
	return params, nil
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
// (RFC 5849 §3.5.1). Both node-oauth's `k="v",k="v"` and dghubble's
// `k="v", k="v"` forms are read; names and values are percent-decoded. A
// header of another scheme (Basic, Bearer) carries no OAuth parameters.
func appendAuthHeader(params []param, h string) ([]param, error) {
	h = strings.TrimLeft(h, " \t")
	if len(h) < 5 || !strings.EqualFold(h[:5], "OAuth") || len(h) > 5 && h[5] != ' ' && h[5] != '\t' {
		return params, nil
	}
	s := h[5:]
	for {
		s = strings.TrimLeft(s, " \t,")
		if s == "" {
			return params, nil
		}
		eq := strings.IndexAny(s, "=,")
		if eq < 0 || s[eq] != '=' {
			return nil, fmt.Errorf("jiramock: Authorization header: parameter %q has no value: expected name=\"value\"", cutAt(s, ","))
		}
		rawName := strings.TrimRight(s[:eq], " \t")
		s = strings.TrimLeft(s[eq+1:], " \t")
		var rawValue string
		if strings.HasPrefix(s, `"`) {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("jiramock: Authorization header: the value of %q has no closing quote", rawName)
			}
			rawValue, s = s[1:1+end], s[2+end:]
			s = strings.TrimLeft(s, " \t")
			if s != "" && s[0] != ',' {
				return nil, fmt.Errorf("jiramock: Authorization header: expected a comma after %s=\"%s\"", rawName, rawValue)
			}
		} else {
			rawValue = strings.TrimRight(cutAt(s, ","), " \t")
			s = s[len(cutAt(s, ",")):]
		}
		name, err := formDecode(rawName)
		if err != nil {
			return nil, fmt.Errorf("jiramock: Authorization header: name %q: %w", rawName, err)
		}
		value, err := formDecode(rawValue)
		if err != nil {
			return nil, fmt.Errorf("jiramock: Authorization header: %s: %w", name, err)
		}
		if name == "" {
			return nil, errors.New("jiramock: Authorization header: a parameter has an empty name")
		}
		params = append(params, param{name: name, value: value, fromHeader: true})
	}
}

func cutAt(s, sep string) string {
	before, _, _ := strings.Cut(s, sep)
	return before
}
