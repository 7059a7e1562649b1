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
	"unicode/utf16"

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
// update takes: utf8 (the default), latin1/binary/ascii, hex (up to the first
// bad pair), base64 and base64url (lenient), ucs2/utf16le.
func nodeStringBytes(s string, enc goja.Value) []byte {
	name := "utf8"
	if enc != nil && !goja.IsUndefined(enc) && !goja.IsNull(enc) {
		name = strings.ToLower(enc.String())
	}
	switch name {
	case "latin1", "binary", "ascii":
		b := make([]byte, 0, len(s))
		for _, c := range utf16.Encode([]rune(s)) {
			b = append(b, byte(c))
		}
		return b
	case "hex":
		var b []byte
		for i := 0; i+1 < len(s); i += 2 {
			v, err := hex.DecodeString(s[i : i+2])
			if err != nil {
				break
			}
			b = append(b, v...)
		}
		return b
	case "base64", "base64url":
		var clean strings.Builder
		for _, c := range s {
			switch {
			case c == '=':
				goto decode
			case c == '-':
				clean.WriteByte('+')
			case c == '_':
				clean.WriteByte('/')
			case c < 0x80 && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'):
				clean.WriteRune(c)
			}
		}
	decode:
		t := clean.String()
		if len(t)%4 == 1 { // a lone last character carries no whole byte
			t = t[:len(t)-1]
		}
		b, _ := base64.RawStdEncoding.DecodeString(t)
		return b
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		units := utf16.Encode([]rune(s))
		b := make([]byte, 0, 2*len(units))
		for _, u := range units {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	return []byte(s)
}
