package jiramock

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
)

// pkceChars reports whether s is 43 to 128 characters of RFC 7636 §4.1's
// unreserved set [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~": the rule
// for a code_verifier, and so for a plain or S256 code_challenge.
func pkceChars(s string) bool {
	if len(s) < 43 || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(unreserved(c)) {
			return false
		}
	}
	return true
}

// checkChallenge validates an authorization request's PKCE parameters (RFC
// 7636 §4.3): the method defaults to plain, and only S256 and plain exist.
// It returns the method to store, or an error description.
func checkChallenge(challenge, method string) (string, string) {
	if challenge == "" {
		if method != "" {
			return "", "code_challenge_method without code_challenge"
		}
		return "", ""
	}
	if method == "" {
		method = "plain"
	}
	if method != "S256" && method != "plain" {
		return "", "code_challenge_method " + method + " is not supported: use S256 or plain (RFC 7636 §4.3)"
	}
	if !pkceChars(challenge) {
		return "", "code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.2)"
	}
	return method, ""
}

// verifyPKCE checks a token request's code_verifier against the stored
// challenge (RFC 7636 §4.6). With no challenge stored a verifier is refused,
// as RFC 9700 §2.1.1 asks against PKCE downgrade. It returns "" when good,
// else an invalid_grant description.
func verifyPKCE(challenge, method, verifier string) string {
	switch {
	case challenge == "" && verifier == "":
		return ""
	case challenge == "":
		return "code_verifier sent, but the authorization request had no code_challenge (RFC 9700 §2.1.1)"
	case verifier == "":
		return "the authorization request had a code_challenge: send its code_verifier (RFC 7636 §4.5)"
	case !pkceChars(verifier):
		return "code_verifier must be 43 to 128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.1)"
	}
	got := verifier
	if method == "S256" {
		sum := sha256.Sum256([]byte(verifier))
		got = base64.RawURLEncoding.EncodeToString(sum[:])
	}
	if subtle.ConstantTimeCompare([]byte(got), []byte(challenge)) != 1 {
		return "code_verifier does not match the code_challenge (" + method + ", RFC 7636 §4.6)"
	}
	return ""
}
