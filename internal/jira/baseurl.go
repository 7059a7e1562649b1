package jira

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// ErrBaseURL is wrapped by every *URLError.
var ErrBaseURL = errors.New("bad JIRA URL")

// URLError says why a base URL was refused and how to fix it. It names no
// flag: the CLI says which flag carried the URL.
type URLError struct {
	Input  string // the URL as given (with user info redacted)
	Detail string // what is wrong, e.g. `"…" has a query`
	Fix    string // what to do next
}

func (e *URLError) Error() string { return ErrBaseURL.Error() + ": " + e.Detail }

// Unwrap makes errors.Is(err, ErrBaseURL) hold.
func (e *URLError) Unwrap() error { return ErrBaseURL }

// Fix is the advice of most URL errors.
const Fix = "give JIRA's base URL, e.g. https://jira.example.com or https://example.com/jira"

func refuse(input, fix, format string, args ...any) *URLError {
	return &URLError{Input: input, Detail: fmt.Sprintf(format, args...), Fix: fix}
}

// NormalizeBaseURL checks that raw is an absolute http(s) base URL of JIRA,
// without user info, query or fragment, and returns it with surrounding
// white space trimmed, the scheme and host lowercased and no trailing slash.
// A path prefix (/jira) is kept. Failures are *URLError.
func NormalizeBaseURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", refuse(raw, Fix, "it is empty")
	}
	if strings.ContainsAny(s, " \t\r\n") {
		return "", refuse(raw, Fix, "%q contains white space", raw)
	}
	u, err := url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // "parse URL: …" repeats the URL, which the detail names
		}
		return "", refuse(raw, Fix, "%q is not a URL: %v", raw, err)
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "http" && scheme != "https":
		return "", refuse(raw, Fix, "%q is not an absolute http(s) URL", raw)
	case u.Host == "" || u.Hostname() == "":
		return "", refuse(raw, Fix, "%q has no host", raw)
	case u.User != nil:
		return "", refuse(u.Redacted(), "remove the user name and password: OAuth signs the requests, JIRA needs no password", "%q carries user info", u.Redacted())
	case u.RawQuery != "" || u.ForceQuery:
		return "", refuse(raw, "remove the query: JIRA's base URL has none, e.g. https://jira.example.com or https://example.com/jira", "%q has a query", raw)
	case u.Fragment != "" || strings.Contains(s, "#"):
		return "", refuse(raw, "remove the #fragment: JIRA's base URL has none, e.g. https://jira.example.com or https://example.com/jira", "%q has a fragment", raw)
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	// The URL is rendered into the script inside a '…' string literal, so a
	// quote or backslash would break it or inject code: allow only RFC 3986
	// path characters without the apostrophe.
	for _, r := range u.Host + path {
		if !urlSafe(r) {
			return "", refuse(raw, Fix, "%q contains %s, which cannot go into the script's JIRA_URL", raw, runeName(r))
		}
	}
	if strings.Contains(path, "//") {
		return "", refuse(raw, Fix, "%q has an empty path segment", raw)
	}
	for _, page := range []string{"/plugins/servlet/", RESTPrefix, "/secure/", "/browse/", ".jsp"} {
		if strings.Contains(path+"/", page) {
			return "", refuse(raw, Fix, "%q is a page of JIRA, not its base URL", raw)
		}
	}
	return scheme + "://" + strings.ToLower(u.Host) + path, nil
}

// urlSafe reports whether r may appear in a rendered JIRA URL's host or path:
// RFC 3986 unreserved and sub-delims characters, ':', '@', '/', '%', '[' and
// ']' (IPv6 hosts), but no apostrophe, which would end the script's string.
func urlSafe(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune("-._~!$&()*+,;=:@/%[]", r)
}

// runeName names r for a message: %q of an apostrophe escapes it with a
// backslash, which reads badly.
func runeName(r rune) string {
	switch r {
	case '\'':
		return "an apostrophe (')"
	case '"':
		return `a double quote (")`
	case '\\':
		return `a backslash (\)`
	case '`':
		return "a backquote (`)"
	}
	return fmt.Sprintf("%q", r)
}
