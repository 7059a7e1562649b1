package jiramock

import "strings"

// This file reads the OAuth Authorization header without regexps. It matches
// exactly what net.oauth's OAuthMessage patterns, written as Go regexps,
// match (OAuthMessage.AUTHORIZATION and NVP, split on `\s*,\s*`):
//
//	scheme: `^\s*(\w*)\s+(.*)$`
//	split:  `\s*,\s*` (Java's String.split: trailing empty parts dropped)
//	pair:   `^(\S*)\s*=\s*"([^"]*)"$`
//
// authref_test.go keeps those regexps and checks these scanners against them
// on random and fuzzed input. Go's \s is ASCII [\t\n\f\r ], \w is
// [0-9A-Za-z_], and '.' is any byte but '\n' (an invalid UTF-8 byte reads as
// U+FFFD, which '.', [^"] and \S all match), so scanning bytes is exact.

// isRESpace is the regexp class \s.
func isRESpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// isWordByte is the regexp class \w.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// cutScheme is `^\s*(\w*)\s+(.*)$`: it returns the scheme word and the rest.
// The greedy reading is the one the regexp reports; when it fails (no white
// space after the word, or a newline in the rest), the regexp can at most
// match with an empty scheme, which is not OAuth, so ok is false then.
func cutScheme(h string) (scheme, rest string, ok bool) {
	i := 0
	for i < len(h) && isRESpace(h[i]) {
		i++
	}
	j := i
	for j < len(h) && isWordByte(h[j]) {
		j++
	}
	k := j
	for k < len(h) && isRESpace(h[k]) {
		k++
	}
	if k == j || strings.IndexByte(h[k:], '\n') >= 0 { // '.' does not match a newline
		return "", "", false
	}
	return h[i:j], h[k:], true
}

// cutComma cuts s around its first `\s*,\s*`, as the regexp's leftmost
// match: the white space before the comma and after it goes with the comma.
// found is false when s has no comma.
func cutComma(s string) (before, after string, found bool) {
	c := strings.IndexByte(s, ',')
	if c < 0 {
		return s, "", false
	}
	b := c
	for b > 0 && isRESpace(s[b-1]) {
		b--
	}
	e := c + 1
	for e < len(s) && isRESpace(s[e]) {
		e++
	}
	return s[:b], s[e:], true
}

// cutPair is `^(\S*)\s*=\s*"([^"]*)"$`: the value is what lies between the
// last two quotes, the name everything before the white space around the
// '=' in front of them, and the name may hold no white space.
func cutPair(s string) (name, value string, ok bool) {
	n := len(s)
	if n < 2 || s[n-1] != '"' {
		return "", "", false
	}
	j := strings.LastIndexByte(s[:n-1], '"')
	if j < 0 {
		return "", "", false
	}
	value = s[j+1 : n-1]
	k := j
	for k > 0 && isRESpace(s[k-1]) {
		k--
	}
	if k == 0 || s[k-1] != '=' {
		return "", "", false
	}
	k--
	for k > 0 && isRESpace(s[k-1]) {
		k--
	}
	name = s[:k]
	for i := 0; i < len(name); i++ {
		if isRESpace(name[i]) {
			return "", "", false
		}
	}
	return name, value, true
}
