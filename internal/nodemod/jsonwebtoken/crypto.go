package jsonwebtoken

import (
	"crypto"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	_ "crypto/sha256" // registers SHA-256 for crypto.Hash
	_ "crypto/sha512" // registers SHA-384 and SHA-512
	"crypto/subtle"
	"fmt"
	"strings"
)

// hashOf maps the bits of a JWA algorithm name (RFC 7518 section 3.1) to
// its hash.
func hashOf(alg string) crypto.Hash {
	switch alg[len(alg)-3:] {
	case "384":
		return crypto.SHA384
	case "512":
		return crypto.SHA512
	}
	return crypto.SHA256
}

// errUnsupported is returned for PS* and ES*, which bridge does not
// implement (docs/node-runtime.md "jsonwebtoken").
func errUnsupported(alg string) error {
	return fmt.Errorf("bridge: jsonwebtoken algorithm %s is not emulated; use HS256/384/512 or RS256/384/512 (docs/node-runtime.md)", alg)
}

// signInput signs input as jwa 1.4.1 does (index.js L127-L169): HMAC or
// RSASSA-PKCS1-v1_5; alg "none" gives an empty signature.
func signInput(alg string, key []byte, input string) ([]byte, error) {
	if alg == "none" {
		return nil, nil
	}
	h := hashOf(alg)
	switch alg[:2] {
	case "HS":
		m := hmac.New(h.New, key)
		m.Write([]byte(input))
		return m.Sum(nil), nil
	case "RS":
		k := parseKey(key, true)
		if k.rsaPriv == nil {
			return nil, fmt.Errorf("bridge: %s needs an RSA private key in PEM", alg)
		}
		d := h.New()
		d.Write([]byte(input))
		return rsa.SignPKCS1v15(rand.Reader, k.rsaPriv, h, d.Sum(nil))
	}
	return nil, errUnsupported(alg)
}

// verifyInput checks sig (base64url) over input as jwa 1.4.1 does
// (index.js L152-L180, L235-L239): HMAC compares the encoded signatures,
// RSA verifies PKCS#1 v1.5, "none" accepts only an empty signature.
func verifyInput(alg string, key []byte, input, sig string) (bool, error) {
	switch {
	case alg == "none":
		return sig == "", nil
	case strings.HasPrefix(alg, "HS"):
		want, _ := signInput(alg, key, input)
		return subtle.ConstantTimeCompare([]byte(base64url(want)), []byte(sig)) == 1, nil
	case strings.HasPrefix(alg, "RS"):
		k := parseKey(key, false)
		if k.rsaPub == nil {
			return false, nil
		}
		h := hashOf(alg)
		d := h.New()
		d.Write([]byte(input))
		return rsa.VerifyPKCS1v15(k.rsaPub, h, d.Sum(nil), decodeBase64(sig)) == nil, nil
	}
	return false, errUnsupported(alg)
}
