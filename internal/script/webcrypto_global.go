package script

import (
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"strings"

	"github.com/dop251/goja"
)

// webCryptoGlobal is Node 22's global crypto (the Web Crypto API, global
// since Node 19; Node 18 has it only behind a flag, so the node18 profile
// leaves it out, docs/auth0.md "Runtimes"): randomUUID, getRandomValues and
// subtle.digest (SHA-1, SHA-256, SHA-384, SHA-512), with Node's
// DOMException names, codes and texts (lib/internal/crypto/random.js,
// webcrypto.js; node-verified rows in globals_diff_test.go). The rest of
// subtle is absent: calling it is a TypeError "… is not a function".
type webCryptoGlobal struct{ h *host }

func (g *webCryptoGlobal) install() {
	vm := g.h.vm
	c := vm.NewObject()
	_ = c.Set("randomUUID", func(goja.FunctionCall) goja.Value { return vm.ToValue(randomUUID()) })
	_ = c.Set("getRandomValues", g.getRandomValues)
	subtle := vm.NewObject()
	_ = subtle.Set("digest", g.digest)
	_ = c.Set("subtle", subtle)
	_ = vm.Set("crypto", c)
}

// randomUUID is an RFC 4122 version 4 UUID.
func randomUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hexd = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, x := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hexd[x>>4], hexd[x&15])
	}
	return string(out)
}

func (g *webCryptoGlobal) getRandomValues(call goja.FunctionCall) goja.Value {
	if len(call.Arguments) == 0 {
		panic(g.h.nodeError("TypeError", "Failed to execute 'getRandomValues' on 'Crypto': 1 argument required, but only 0 present.",
			map[string]any{"code": "ERR_MISSING_ARGS"}))
	}
	v := call.Argument(0)
	o, _ := v.(*goja.Object)
	tag := ""
	if o != nil {
		if t := o.GetSymbol(goja.SymToStringTag); t != nil && !goja.IsUndefined(t) {
			tag = t.String() // %TypedArray%.prototype[@@toStringTag]
		}
	}
	switch tag {
	case "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
		"BigInt64Array", "BigUint64Array":
	default:
		panic(g.h.domException("TypeMismatchError", "The data argument must be an integer-type TypedArray", 17))
	}
	b, ok := bytesOf(g.h.vm, v)
	if !ok {
		panic(g.h.domException("TypeMismatchError", "The data argument must be an integer-type TypedArray", 17))
	}
	if len(b) > 65536 {
		panic(g.h.domException("QuotaExceededError", "The requested length exceeds 65,536 bytes", 22))
	}
	_, _ = rand.Read(b)
	return v
}

// digest is crypto.subtle.digest(algorithm, data): a promise of an ArrayBuffer.
func (g *webCryptoGlobal) digest(call goja.FunctionCall) goja.Value {
	vm := g.h.vm
	p, resolve, reject := vm.NewPromise()
	alg := call.Argument(0)
	if o, ok := alg.(*goja.Object); ok && !goja.IsString(alg) {
		alg = o.Get("name")
		if alg == nil {
			alg = goja.Undefined()
		}
	}
	var h hash.Hash
	switch strings.ToUpper(alg.String()) {
	case "SHA-1":
		h = sha1.New()
	case "SHA-256":
		h = sha256.New()
	case "SHA-384":
		h = sha512.New384()
	case "SHA-512":
		h = sha512.New()
	default:
		_ = reject(g.h.domException("NotSupportedError", "Unrecognized algorithm name", 9))
		return vm.ToValue(p)
	}
	b, ok := bytesOf(vm, call.Argument(1))
	if !ok {
		_ = reject(g.h.nodeError("TypeError", "Failed to execute 'digest' on 'SubtleCrypto': 2nd argument is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.",
			map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
		return vm.ToValue(p)
	}
	h.Write(b)
	_ = resolve(vm.NewArrayBuffer(h.Sum(nil)))
	return vm.ToValue(p)
}
