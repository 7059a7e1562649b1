package script

import (
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"net/url"
	"strings"
	"sync"

	"github.com/dghubble/oauth1"
)

// keyCache holds parsed private keys by PEM text: a key is parsed once per
// process, not once per request (performance).
var keyCache sync.Map // string -> keyOrError

type keyOrError struct {
	key *rsa.PrivateKey
	err *signError
}

// signError is a signing failure as Node's crypto reports it; node-oauth
// lets it escape _performSecureRequest synchronously (docs/node-oauth.md).
type signError struct {
	Message string
	Code    string
	props   map[string]any
}

func (e *signError) Error() string { return e.Message }

// rsaKey parses a PEM private key as Node's crypto.createSign().sign
// accepts it for RSA-SHA1: PKCS#1 ("RSA PRIVATE KEY") or PKCS#8 ("PRIVATE KEY").
func rsaKey(pemText string) (*rsa.PrivateKey, *signError) {
	if v, ok := keyCache.Load(pemText); ok {
		k := v.(keyOrError)
		return k.key, k.err
	}
	k, err := parseRSAKey(pemText)
	keyCache.Store(pemText, keyOrError{k, err})
	return k, err
}

func parseRSAKey(pemText string) (*rsa.PrivateKey, *signError) {
	if pemText == "" {
		// crypto/sig.js: ERR_CRYPTO_SIGN_KEY_REQUIRED.
		return nil, &signError{Message: "No key provided to sign", Code: "ERR_CRYPTO_SIGN_KEY_REQUIRED"}
	}
	unsupported := &signError{Message: "error:1E08010C:DECODER routines::unsupported", Code: "ERR_OSSL_UNSUPPORTED",
		props: map[string]any{"library": "DECODER routines", "reason": "unsupported"}}
	block, _ := pem.Decode([]byte(strings.TrimSpace(pemText)))
	if block == nil {
		return nil, unsupported
	}
	switch block.Type {
	case "RSA PRIVATE KEY":
		if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
			return k, nil
		}
	case "PRIVATE KEY":
		if k, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
			if rk, ok := k.(*rsa.PrivateKey); ok {
				return rk, nil
			}
		}
	}
	return nil, unsupported
}

// createSignature is node-oauth's _createSignature (L199-224). key is
// consumerSecret (already encoded, L15) & encoded tokenSecret. RSA-SHA1 signs
// with the PEM private key and ignores the key (L209-211).
func createSignature(method, base, consumerSecretEnc, tokenSecretEnc, privateKeyPEM string) (string, error) {
	key := consumerSecretEnc + "&" + tokenSecretEnc
	switch method {
	case "PLAINTEXT":
		return key, nil
	case "RSA-SHA1":
		k, err := rsaKey(privateKeyPEM)
		if err != nil {
			return "", err
		}
		signer := &oauth1.RSASigner{PrivateKey: k}
		return signer.Sign("", base)
	case "HMAC-SHA256":
		if cs, ts, ok := decodedSecrets(consumerSecretEnc, tokenSecretEnc); ok {
			return (&oauth1.HMAC256Signer{ConsumerSecret: cs}).Sign(ts, base)
		}
		m := hmac.New(sha256.New, []byte(key))
		m.Write([]byte(base))
		return base64.StdEncoding.EncodeToString(m.Sum(nil)), nil
	default: // HMAC-SHA1
		if cs, ts, ok := decodedSecrets(consumerSecretEnc, tokenSecretEnc); ok {
			return (&oauth1.HMACSigner{ConsumerSecret: cs}).Sign(ts, base)
		}
		m := hmac.New(sha1.New, []byte(key))
		m.Write([]byte(base))
		return base64.StdEncoding.EncodeToString(m.Sum(nil)), nil
	}
}

// decodedSecrets undoes _encodeData so that dghubble's signers, which encode
// the secrets themselves, build the same key; ok is false when re-encoding
// would not give back exactly what node-oauth uses.
func decodedSecrets(cs, ts string) (string, string, bool) {
	dc, err1 := url.PathUnescape(cs)
	dt, err2 := url.PathUnescape(ts)
	if err := errors.Join(err1, err2); err != nil || encodeData(dc) != cs || encodeData(dt) != ts {
		return "", "", false
	}
	return dc, dt, true
}
