package jsonwebtoken

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"

	"github.com/dop251/goja"
)

// keyInfo mirrors the fields of Node's KeyObject that jsonwebtoken reads:
// type ('secret', 'public' or 'private'), asymmetricKeyType and, for RSA,
// asymmetricKeyDetails.modulusLength
// (https://nodejs.org/api/crypto.html#class-keyobject).
type keyInfo struct {
	Type              string `json:"type"`
	AsymmetricKeyType string `json:"asymmetricKeyType,omitempty"`
	ModulusLength     int    `json:"modulusLength,omitempty"`
	rsaPub            *rsa.PublicKey
	rsaPriv           *rsa.PrivateKey
	secret            []byte
}

// material returns the bytes of a key given as a string (UTF-8, as
// Buffer.from(string)), a Buffer/Uint8Array or ArrayBuffer, or an object
// { key } as Node's createPublicKey accepts; ok is false otherwise.
func material(vm *goja.Runtime, v goja.Value) ([]byte, bool) {
	switch x := v.Export().(type) {
	case string:
		return []byte(x), true
	case []byte:
		return x, true
	case goja.ArrayBuffer:
		return x.Bytes(), true
	case map[string]interface{}:
		if o, ok := v.(*goja.Object); ok {
			if k := o.Get("key"); k != nil && !goja.IsUndefined(k) {
				return material(vm, k)
			}
		}
	}
	return nil, false
}

// parseKey does what jsonwebtoken does with key material (verify.js
// L120-L130, sign.js L114-L124): try createPublicKey (or createPrivateKey
// when signing), and fall back to createSecretKey. Only RSA PEM keys are
// asymmetric here; EC and other PEM keys are reported with their type so
// that jsonwebtoken's algorithm checks give the library's messages.
func parseKey(b []byte, private bool) *keyInfo {
	block, _ := pem.Decode(b)
	if block == nil {
		return &keyInfo{Type: "secret", secret: b}
	}
	var pub interface{}
	var priv interface{}
	switch block.Type {
	case "RSA PRIVATE KEY":
		priv, _ = x509.ParsePKCS1PrivateKey(block.Bytes)
	case "PRIVATE KEY":
		priv, _ = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		priv, _ = x509.ParseECPrivateKey(block.Bytes)
	case "RSA PUBLIC KEY":
		pub, _ = x509.ParsePKCS1PublicKey(block.Bytes)
	case "PUBLIC KEY":
		pub, _ = x509.ParsePKIXPublicKey(block.Bytes)
	case "CERTIFICATE":
		if c, err := x509.ParseCertificate(block.Bytes); err == nil {
			pub = c.PublicKey
		}
	}
	if priv != nil {
		if !private {
			pub = publicOf(priv)
		} else {
			return describe(priv, "private")
		}
	}
	if pub != nil && !private {
		return describe(pub, "public")
	}
	// createPrivateKey rejects a public key and createPublicKey an unreadable
	// PEM: both fall back to a secret key of the PEM's bytes.
	return &keyInfo{Type: "secret", secret: b}
}
