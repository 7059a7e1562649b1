package script

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"strings"

	"github.com/dop251/goja"
)

// cryptoModule is require('crypto').
type cryptoModule struct{ h *host }

// exports is the part of Node's require('crypto') a fetchUserProfile
// script plausibly uses, such as a Gravatar picture from an MD5 of the email:
// createHash and createHmac (update, digest), createSign and createVerify
// (crypto_sign.go), getHashes, randomUUID, randomBytes and timingSafeEqual
// (crypto_random.go), with Node's errors (node-verified rows in
// crypto_diff_test.go).
func (cm *cryptoModule) exports() *goja.Object {
	m := cm.h.vm.NewObject()
	_ = m.Set("createHash", func(call goja.FunctionCall) goja.Value {
		return cm.hashObject(call.Argument(0), nil)
	})
	_ = m.Set("createHmac", func(call goja.FunctionCall) goja.Value {
		key := call.Argument(1)
		if b, ok := bytesOf(cm.h.vm, key); ok {
			return cm.hashObject(call.Argument(0), append([]byte{}, b...))
		}
		if _, ok := key.Export().(string); !ok {
			panic(cm.h.nodeError("TypeError", `The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received `+describeArg(key),
				map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
		}
		k := []byte(key.String())
		return cm.hashObject(call.Argument(0), k)
	})
	_ = m.Set("getHashes", func(goja.FunctionCall) goja.Value {
		return cm.h.vm.ToValue([]any{"md5", "sha1", "sha224", "sha256", "sha384", "sha512"})
	})
	_ = m.Set("randomUUID", func(goja.FunctionCall) goja.Value { return cm.h.vm.ToValue(randomUUID()) })
	_ = m.Set("randomBytes", cm.randomBytes)
	_ = m.Set("timingSafeEqual", cm.timingSafeEqual)
	_ = m.Set("createSign", func(call goja.FunctionCall) goja.Value { return cm.signObject(call.Argument(0), false) })
	_ = m.Set("createVerify", func(call goja.FunctionCall) goja.Value { return cm.signObject(call.Argument(0), true) })
	return m
}

var hashes = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha224": sha256.New224, "sha256": sha256.New,
	"sha384": sha512.New384, "sha512": sha512.New,
}

// hashObject is a Hash (key nil) or an Hmac for the algorithm named alg.
func (cm *cryptoModule) hashObject(alg goja.Value, key []byte) *goja.Object {
	mk, ok := hashes[strings.ToLower(alg.String())]
	if !ok {
		msg := "Digest method not supported"
		if key != nil {
			msg = "Invalid digest: " + alg.String()
		}
		panic(cm.h.nodeError("Error", msg, nil))
	}
	h := mk()
	if key != nil {
		h = hmac.New(mk, key)
	}
	done := false
	finalized := func() {
		if done {
			panic(cm.h.nodeError("Error", "Digest already called", map[string]any{"code": "ERR_CRYPTO_HASH_FINALIZED"}))
		}
	}
	o := cm.h.vm.NewObject()
	_ = o.Set("update", func(call goja.FunctionCall) goja.Value {
		finalized()
		h.Write(cm.dataBytes(call.Argument(0), call.Argument(1), "data"))
		return o
	})
	_ = o.Set("digest", func(call goja.FunctionCall) goja.Value {
		finalized()
		done = true
		sum := h.Sum(nil)
		switch strings.ToLower(call.Argument(0).String()) {
		case "hex":
			return cm.h.vm.ToValue(hex.EncodeToString(sum))
		case "base64":
			return cm.h.vm.ToValue(base64.StdEncoding.EncodeToString(sum))
		case "base64url":
			return cm.h.vm.ToValue(base64.RawURLEncoding.EncodeToString(sum))
		}
		return cm.encodeOut(sum, call.Argument(0))
	})
	return o
}

// nodeStringBytes is Buffer.from(s, encoding) for the encodings a hash's
// update takes (decodeNodeString, node_encoding.go); no encoding, or one
// Node does not know, is utf8, as its ParseEncoding defaults.
func nodeStringBytes(s string, enc goja.Value) []byte {
	name := "utf8"
	if enc != nil && !goja.IsUndefined(enc) && !goja.IsNull(enc) {
		if n := nodeEncoding(enc.String()); n != "" {
			name = n
		}
	}
	return decodeNodeString(s, name)
}
