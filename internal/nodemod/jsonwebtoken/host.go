package jsonwebtoken

import (
	"github.com/dop251/goja"
)

// newHost returns the object the JS port calls for what Node's crypto and
// Buffer do in the real library.
func newHost(vm *goja.Runtime) *goja.Object {
	h := vm.NewObject()
	_ = h.Set("key", func(v goja.Value, private bool) goja.Value {
		b, ok := material(vm, v)
		if !ok {
			return goja.Null()
		}
		k := parseKey(b, private)
		o := vm.NewObject()
		_ = o.Set("type", k.Type)
		if k.AsymmetricKeyType != "" {
			_ = o.Set("asymmetricKeyType", k.AsymmetricKeyType)
		}
		if k.ModulusLength != 0 {
			_ = o.Set("modulusLength", k.ModulusLength)
		}
		return o
	})
	_ = h.Set("sign", func(alg string, key goja.Value, input string) string {
		b, _ := material(vm, key)
		sig, err := signInput(alg, b, input)
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return base64url(sig)
	})
	_ = h.Set("verify", func(alg string, key goja.Value, input, sig string) bool {
		b, _ := material(vm, key)
		ok, err := verifyInput(alg, b, input, sig)
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return ok
	})
	_ = h.Set("base64Decode", func(s, encoding string) string {
		return decodeString(decodeBase64(s), encoding)
	})
	_ = h.Set("base64url", func(s, encoding string) string {
		return base64url(encodeString(s, encoding))
	})
	return h
}
