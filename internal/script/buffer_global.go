package script

import (
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
)

// bufferGlobal is Node's Buffer: goja_nodejs's Buffer (a Uint8Array
// subclass with from, alloc, concat, equals and the read/write methods),
// loaded without goja_nodejs's require registry (no source loader, no
// disk), with Node's encodings put right (node_encoding.go: latin1, binary,
// ascii, base64url, utf16le, case-insensitive names, Node's
// ERR_UNKNOWN_ENCODING) and what it lacks added: toJSON, Buffer.byteLength,
// Buffer.isBuffer, Buffer.isEncoding (lib/buffer.js).
type bufferGlobal struct {
	h    *host
	ctor *goja.Object
	from goja.Callable // goja_nodejs's, for everything but strings
}

func (g *bufferGlobal) install() {
	vm := g.h.vm
	module := vm.NewObject()
	_ = module.Set("exports", vm.NewObject())
	buffer.Require(vm, module)
	g.ctor = module.Get("exports").ToObject(vm).Get("Buffer").ToObject(vm)
	g.from, _ = goja.AssertFunction(g.ctor.Get("from"))
	proto := g.ctor.Get("prototype").ToObject(vm)
	_ = g.ctor.Set("from", g.bufferFrom)
	_ = g.ctor.Set("byteLength", g.byteLength)
	_ = g.ctor.Set("isBuffer", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(vm.InstanceOf(call.Argument(0), g.ctor))
	})
	_ = g.ctor.Set("isEncoding", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(goja.IsString(call.Argument(0)) && nodeEncoding(call.Argument(0).String()) != "")
	})
	_ = proto.Set("toString", g.toString)
	_ = proto.Set("toJSON", g.toJSON)
	_ = vm.Set("Buffer", g.ctor)
}

// encoding reads an encoding argument: undefined is utf8, an unknown one
// throws Node's TypeError.
func (g *bufferGlobal) encoding(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return "utf8"
	}
	enc := nodeEncoding(v.String())
	if enc == "" {
		panic(g.h.nodeError("TypeError", "Unknown encoding: "+v.String(), map[string]any{"code": "ERR_UNKNOWN_ENCODING"}))
	}
	return enc
}

func (g *bufferGlobal) wrap(b []byte) goja.Value {
	v, err := g.from(goja.Undefined(), g.h.vm.ToValue(g.h.vm.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return v
}

// bufferFrom is Buffer.from: strings are decoded here, the rest by goja_nodejs.
func (g *bufferGlobal) bufferFrom(call goja.FunctionCall) goja.Value {
	if s := call.Argument(0); goja.IsString(s) {
		return g.wrap(decodeNodeString(s.String(), g.encoding(call.Argument(1))))
	}
	v, err := g.from(call.This, call.Arguments...)
	if err != nil {
		panic(err)
	}
	return v
}

func (g *bufferGlobal) bytes(v goja.Value) []byte {
	var b []byte
	if err := g.h.vm.ExportTo(v, &b); err != nil {
		panic(g.h.nodeError("TypeError", "argument must be a buffer", map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
	}
	return b
}

// toString is buf.toString([encoding[, start[, end]]]).
func (g *bufferGlobal) toString(call goja.FunctionCall) goja.Value {
	b := g.bytes(call.This)
	enc := g.encoding(call.Argument(0))
	start, end := int64(0), int64(len(b))
	if a := call.Argument(1); !goja.IsUndefined(a) {
		start = max(a.ToInteger(), 0)
	}
	if a := call.Argument(2); !goja.IsUndefined(a) {
		end = min(a.ToInteger(), int64(len(b)))
	}
	if start >= end {
		return g.h.vm.ToValue("")
	}
	return g.h.vm.ToValue(encodeNodeString(b[start:end], enc))
}

// toJSON is {type: 'Buffer', data: [bytes]}.
func (g *bufferGlobal) toJSON(call goja.FunctionCall) goja.Value {
	b := g.bytes(call.This)
	data := make([]any, len(b))
	for i, c := range b {
		data[i] = int(c)
	}
	o := g.h.vm.NewObject()
	_ = o.Set("type", "Buffer")
	_ = o.Set("data", g.h.vm.NewArray(data...))
	return o
}

// byteLength is Buffer.byteLength(string[, encoding]) or a buffer's length.
func (g *bufferGlobal) byteLength(call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	if goja.IsString(v) {
		enc := nodeEncoding(call.Argument(1).String())
		if goja.IsUndefined(call.Argument(1)) || enc == "" {
			enc = "utf8"
		}
		return g.h.vm.ToValue(len(decodeNodeString(v.String(), enc)))
	}
	if o, ok := v.(*goja.Object); ok {
		if n := o.Get("byteLength"); n != nil && !goja.IsUndefined(n) {
			return n
		}
	}
	panic(g.h.nodeError("TypeError", `The "string" argument must be of type string or an instance of Buffer or ArrayBuffer. Received `+describeArg(v),
		map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
}
