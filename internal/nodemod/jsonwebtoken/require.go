package jsonwebtoken

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
)

//go:embed lib.js
var libSource string

//go:embed verify.js
var verifySource string

//go:embed sign.js
var signSource string

//go:embed ms.js
var msSource string

// Require returns the module exports of require('jsonwebtoken') for vm:
// { decode, verify, sign, JsonWebTokenError, NotBeforeError,
// TokenExpiredError }, as the library's index.js L1-L8. Each call builds a
// fresh exports object.
func Require(vm *goja.Runtime) (*goja.Object, error) {
	host := newHost(vm)
	ms, err := call(vm, "", msSource)
	if err != nil {
		return nil, err
	}
	lib, err := call(vm, "host, ms", libSource, host, ms)
	if err != nil {
		return nil, err
	}
	verify, err := call(vm, "host, lib", verifySource, host, lib)
	if err != nil {
		return nil, err
	}
	sign, err := call(vm, "host, lib", signSource, host, lib)
	if err != nil {
		return nil, err
	}
	libObj := lib.ToObject(vm)
	exports := vm.NewObject()
	_ = exports.Set("decode", libObj.Get("decode"))
	_ = exports.Set("verify", verify)
	_ = exports.Set("sign", sign)
	for _, name := range []string{"JsonWebTokenError", "NotBeforeError", "TokenExpiredError"} {
		_ = exports.Set(name, libObj.Get(name))
	}
	return exports, nil
}

// call runs body as a function of params with args and returns its result.
func call(vm *goja.Runtime, params, body string, args ...goja.Value) (goja.Value, error) {
	v, err := vm.RunString("(function (" + params + ") {\n" + body + "\n})")
	if err != nil {
		return nil, fmt.Errorf("jsonwebtoken: compile emulation: %w (this is a bug in bridge)", err)
	}
	fn, _ := goja.AssertFunction(v)
	res, err := fn(goja.Undefined(), args...)
	if err != nil {
		return nil, fmt.Errorf("jsonwebtoken: init emulation: %w (this is a bug in bridge)", err)
	}
	return res, nil
}
