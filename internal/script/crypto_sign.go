package script

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"strings"

	"github.com/dop251/goja"
)

// signHashes are the digests createSign and createVerify take, by Node's
// names (OpenSSL's: RSA-SHA256, sha256, …; case-insensitive).
var signHashes = map[string]crypto.Hash{
	"rsa-sha1": crypto.SHA1, "sha1": crypto.SHA1, "rsa-sha224": crypto.SHA224, "sha224": crypto.SHA224,
	"rsa-sha256": crypto.SHA256, "sha256": crypto.SHA256, "rsa-sha384": crypto.SHA384, "sha384": crypto.SHA384,
	"rsa-sha512": crypto.SHA512, "sha512": crypto.SHA512, "rsa-md5": crypto.MD5, "md5": crypto.MD5,
}

// signObject is crypto.createSign(alg) (verify false) or createVerify(alg):
// update(data[, encoding]) then sign(privateKey[, outputEncoding]) or
// verify(publicKey, signature[, signatureEncoding]), RSA PKCS#1 v1.5 as
// Node's default padding (lib/internal/crypto/sig.js). Keys are PEM (a
// string, a Buffer or {key}); verify takes a public key (PKIX or PKCS#1),
// a certificate or a private key. Other key types (EC, Ed25519) and
// encrypted keys throw Node's DECODER error here: a difference doc.go lists.
func (cm *cryptoModule) signObject(alg goja.Value, verify bool) *goja.Object {
	hf, ok := signHashes[strings.ToLower(alg.String())]
	if !ok {
		panic(cm.h.nodeError("TypeError", "Invalid digest", map[string]any{"code": "ERR_CRYPTO_INVALID_DIGEST"}))
	}
	h := hf.New()
	o := cm.h.vm.NewObject()
	_ = o.Set("update", func(call goja.FunctionCall) goja.Value {
		h.Write(cm.dataBytes(call.Argument(0), call.Argument(1), "data"))
		return o
	})
	if !verify {
		_ = o.Set("sign", func(call goja.FunctionCall) goja.Value {
			pemText := cm.keyText(call.Argument(0))
			k, serr := rsaKey(pemText)
			if serr != nil {
				panic(cm.h.nodeError("Error", serr.Message, withCode(serr.props, serr.Code)))
			}
			sig, err := rsa.SignPKCS1v15(rand.Reader, k, hf, h.Sum(nil))
			if err != nil {
				panic(cm.h.nodeError("Error", err.Error(), nil))
			}
			return cm.encodeOut(sig, call.Argument(1))
		})
		return o
	}
	_ = o.Set("verify", func(call goja.FunctionCall) goja.Value {
		pub := cm.publicKey(cm.keyText(call.Argument(0)))
		sig := cm.dataBytes(call.Argument(1), call.Argument(2), "signature")
		return cm.h.vm.ToValue(rsa.VerifyPKCS1v15(pub, hf, h.Sum(nil), sig) == nil)
	})
	return o
}

func withCode(props map[string]any, code string) map[string]any {
	out := map[string]any{"code": code}
	for k, v := range props {
		out[k] = v
	}
	return out
}

// keyText reads a key argument: a PEM string, a Buffer of one, or {key}.
func (cm *cryptoModule) keyText(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	if goja.IsString(v) {
		return v.String()
	}
	if b, ok := bytesOf(cm.h.vm, v); ok {
		return string(b)
	}
	if o, ok := v.(*goja.Object); ok {
		if k := o.Get("key"); k != nil && !goja.IsUndefined(k) {
			return cm.keyText(k)
		}
	}
	panic(cm.h.nodeError("TypeError", `The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received `+describeArg(v),
		map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
}

// publicKey parses what verify takes: a public key, a certificate or a
// private key (its public half).
func (cm *cryptoModule) publicKey(pemText string) *rsa.PublicKey {
	unsupported := func() *goja.Object {
		return cm.h.nodeError("Error", "error:1E08010C:DECODER routines::unsupported",
			map[string]any{"code": "ERR_OSSL_UNSUPPORTED", "library": "DECODER routines", "reason": "unsupported"})
	}
	block, _ := pem.Decode([]byte(strings.TrimSpace(pemText)))
	if block == nil {
		panic(unsupported())
	}
	switch block.Type {
	case "PUBLIC KEY":
		if k, err := x509.ParsePKIXPublicKey(block.Bytes); err == nil {
			if rk, ok := k.(*rsa.PublicKey); ok {
				return rk
			}
		}
	case "RSA PUBLIC KEY":
		if k, err := x509.ParsePKCS1PublicKey(block.Bytes); err == nil {
			return k
		}
	case "CERTIFICATE":
		if c, err := x509.ParseCertificate(block.Bytes); err == nil {
			if rk, ok := c.PublicKey.(*rsa.PublicKey); ok {
				return rk
			}
		}
	case "RSA PRIVATE KEY", "PRIVATE KEY":
		if k, serr := rsaKey(pemText); serr == nil {
			return &k.PublicKey
		}
	}
	panic(unsupported())
}
