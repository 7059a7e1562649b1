package script

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"math"

	"github.com/dop251/goja"
)

// randomBytes is crypto.randomBytes(size[, callback]): a Buffer of size
// random bytes, returned or handed to callback(null, buf) on a later turn
// of the event loop, with Node's argument checks (lib/internal/crypto/random.js).
func (cm *cryptoModule) randomBytes(call goja.FunctionCall) goja.Value {
	size := call.Argument(0)
	if _, ok := size.Export().(int64); !ok {
		if _, ok := size.Export().(float64); !ok {
			panic(cm.h.nodeError("TypeError", `The "size" argument must be of type number. Received `+describeArg(size),
				map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
		}
	}
	n := size.ToFloat()
	if !(n >= 0 && n <= math.MaxInt32) || n != math.Trunc(n) {
		panic(cm.h.nodeError("RangeError", fmt.Sprintf(`The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received %s`, nodeNumber(size)),
			map[string]any{"code": "ERR_OUT_OF_RANGE"}))
	}
	var cb goja.Callable
	if a := call.Argument(1); !goja.IsUndefined(a) {
		fn, ok := goja.AssertFunction(a)
		if !ok {
			panic(cm.h.nodeError("TypeError", `The "callback" argument must be of type function. Received `+describeArg(a),
				map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
		}
		cb = fn
	}
	if n > 64<<20 {
		panic(cm.h.nodeError("RangeError", "bridge: randomBytes of more than 64 MiB is refused in the sandbox", nil))
	}
	b := make([]byte, int(n))
	_, _ = rand.Read(b)
	buf := cm.buffer(b)
	if cb == nil {
		return buf
	}
	cm.h.later(func() error {
		_, err := cb(goja.Undefined(), goja.Null(), buf)
		return err
	})
	return goja.Undefined()
}

// nodeNumber writes a number as Node's ERR_OUT_OF_RANGE does (1_000 style
// grouping aside: sizes in scripts are small).
func nodeNumber(v goja.Value) string { return v.String() }

// timingSafeEqual is crypto.timingSafeEqual(a, b).
func (cm *cryptoModule) timingSafeEqual(call goja.FunctionCall) goja.Value {
	a, ok := bytesOf(cm.h.vm, call.Argument(0))
	if !ok {
		panic(cm.h.nodeError("TypeError", `The "buf1" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`,
			map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
	}
	b, ok := bytesOf(cm.h.vm, call.Argument(1))
	if !ok {
		panic(cm.h.nodeError("TypeError", `The "buf2" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`,
			map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
	}
	if len(a) != len(b) {
		panic(cm.h.nodeError("RangeError", "Input buffers must have the same byte length",
			map[string]any{"code": "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH"}))
	}
	return cm.h.vm.ToValue(subtle.ConstantTimeCompare(a, b) == 1)
}

// buffer is Buffer.from(b) with the sandbox's Buffer.
func (cm *cryptoModule) buffer(b []byte) goja.Value {
	from, ok := goja.AssertFunction(cm.h.vm.Get("Buffer").ToObject(cm.h.vm).Get("from"))
	if !ok {
		panic(cm.h.vm.NewTypeError("Buffer.from is not a function"))
	}
	v, err := from(goja.Undefined(), cm.h.vm.ToValue(cm.h.vm.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return v
}

// dataBytes reads update()'s data: a string in an encoding, or a Buffer,
// TypedArray or DataView.
func (cm *cryptoModule) dataBytes(data, enc goja.Value, name string) []byte {
	if s, ok := data.Export().(string); ok {
		return nodeStringBytes(s, enc)
	}
	if b, ok := bytesOf(cm.h.vm, data); ok {
		return b
	}
	panic(cm.h.nodeError("TypeError", `The "`+name+`" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received `+describeArg(data),
		map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
}

// encodeOut is digest()'s and sign()'s output: the string in a known
// encoding, else a Buffer (Node returns a Buffer for an unknown encoding
// too, node-verified).
func (cm *cryptoModule) encodeOut(b []byte, enc goja.Value) goja.Value {
	name := ""
	if enc != nil && !goja.IsUndefined(enc) && !goja.IsNull(enc) {
		name = nodeEncoding(enc.String())
	}
	if name == "" {
		return cm.buffer(b)
	}
	return cm.h.vm.ToValue(encodeNodeString(b, name))
}
