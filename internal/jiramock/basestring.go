package jiramock

import (
	"slices"
	"strings"
)

// This file is the mock's own signature base string builder, RFC 5849 §3.4.1,
// written independently of any client so that it checks them (docs/fidelity.md "dghubble/oauth1").

const upperHex = "0123456789ABCDEF"

// unreserved reports the RFC 3986 unreserved characters, which RFC 5849 §3.6
// leaves unencoded: ALPHA, DIGIT, '-', '.', '_', '~'.
func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// percentEncode encodes s per RFC 5849 §3.6: every byte but the unreserved
// ones as %XX with upper-case hex. It returns s itself when nothing needs
// encoding, so the common case does not allocate.
func percentEncode(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	return string(appendEncoded(make([]byte, 0, len(s)+2*n), s))
}

// appendEncoded appends s encoded per RFC 5849 §3.6 to dst.
func appendEncoded(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			dst = append(dst, c)
		} else {
			dst = append(dst, '%', upperHex[c>>4], upperHex[c&15])
		}
	}
	return dst
}

// baseURI is the base string URI of RFC 5849 §3.4.1.2: scheme and host
// lower-cased, the default port (80 for http, 443 for https) dropped, the path
// kept as received (no dot-segment resolution, case kept), an empty path
// becoming "/", and no query or fragment. node-oauth normalises the same way
// (docs/node-oauth.md, lib/oauth.js L93-106).
func baseURI(scheme, host, rawPath string) string {
	scheme = strings.ToLower(scheme)
	host = strings.ToLower(host)
	switch {
	case scheme == "http" && strings.HasSuffix(host, ":80"):
		host = host[:len(host)-3]
	case scheme == "https" && strings.HasSuffix(host, ":443"):
		host = host[:len(host)-4]
	}
	if rawPath == "" {
		rawPath = "/"
	}
	return scheme + "://" + host + rawPath
}

// encodedPair is one parameter, name and value already encoded.
type encodedPair struct{ name, value string }

// signed reports whether p takes part in the signature: every parameter but
// oauth_signature itself (RFC 5849 §3.4.1.3.1). The Authorization header's
// realm, also unsigned, never gets this far: appendAuthHeader drops it.
func (p param) signed() bool { return p.name != "oauth_signature" }

// baseString builds the signature base string of RFC 5849 §3.4.1.1:
// METHOD&enc(base URI)&enc(normalized parameters). The parameters are those
// of the request as received: a repeated name appears once per value, and the
// pairs are sorted by encoded name, then encoded value (§3.4.1.3.2). That is
// what JIRA's net.oauth does, and why node-oauth's key[0]/key[1] renaming and
// dghubble's first-value-only signing of a repeated query key both fail here
// as they fail on real JIRA (docs/node-oauth.md, §6).
func baseString(method, uri string, params []param) string {
	pairs := make([]encodedPair, 0, len(params))
	size := len(method) + 2 + 3*len(uri)
	for _, p := range params {
		if !p.signed() {
			continue
		}
		ep := encodedPair{percentEncode(p.name), percentEncode(p.value)}
		size += 3*(len(ep.name)+len(ep.value)) + 6
		pairs = append(pairs, ep)
	}
	slices.SortFunc(pairs, func(a, b encodedPair) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return strings.Compare(a.value, b.value)
	})
	buf := make([]byte, 0, size)
	buf = append(buf, strings.ToUpper(method)...)
	buf = append(buf, '&')
	buf = appendEncoded(buf, uri)
	buf = append(buf, '&')
	for i, p := range pairs {
		if i > 0 {
			buf = append(buf, "%26"...) // enc("&")
		}
		buf = appendEncoded(buf, p.name)
		buf = append(buf, "%3D"...) // enc("=")
		buf = appendEncoded(buf, p.value)
	}
	return string(buf)
}
