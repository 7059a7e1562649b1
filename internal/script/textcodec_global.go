package script

import (
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// textCodecGlobal is Node's TextEncoder and TextDecoder (WHATWG Encoding,
// lib/internal/encoding.js) for UTF-8, the encoding scripts use. Other
// labels, which Node's ICU build decodes, throw Node's RangeError
// ERR_ENCODING_NOT_SUPPORTED here (doc.go lists the difference).
type textCodecGlobal struct{ h *host }

const textCodecJS = `(function(encode, decode) {
  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input) { return encode(input === undefined ? '' : String(input)); }
  }
  class TextDecoder {
    #fatal; #ignoreBOM;
    constructor(label, options) {
      decode(null, label === undefined ? 'utf-8' : String(label));
      options = options == null ? {} : options;
      this.#fatal = Boolean(options.fatal);
      this.#ignoreBOM = Boolean(options.ignoreBOM);
    }
    get encoding() { return 'utf-8'; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }
    decode(input) { return decode(input === undefined ? new Uint8Array(0) : input, '', this.#fatal, this.#ignoreBOM); }
  }
  return [TextEncoder, TextDecoder];
})`

var textCodecPrg = goja.MustCompile("node:internal/encoding", textCodecJS, false)

func (g *textCodecGlobal) install() {
	vm := g.h.vm
	v, err := vm.RunProgram(textCodecPrg)
	if err != nil {
		panic(err)
	}
	build, _ := goja.AssertFunction(v)
	pair, err := build(goja.Undefined(), vm.ToValue(g.encode), vm.ToValue(g.decode))
	if err != nil {
		panic(err)
	}
	arr := pair.ToObject(vm)
	_ = vm.Set("TextEncoder", arr.Get("0"))
	_ = vm.Set("TextDecoder", arr.Get("1"))
}

func (g *textCodecGlobal) encode(s string) goja.Value {
	return newUint8Array(g.h.vm, decodeNodeString(s, "utf8"))
}

// decode checks a label (input null) or decodes input.
func (g *textCodecGlobal) decode(call goja.FunctionCall) goja.Value {
	if goja.IsNull(call.Argument(0)) {
		switch strings.ToLower(strings.TrimSpace(call.Argument(1).String())) {
		case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
			return goja.Undefined()
		}
		panic(g.h.nodeError("RangeError", `The "`+call.Argument(1).String()+`" encoding is not supported`,
			map[string]any{"code": "ERR_ENCODING_NOT_SUPPORTED"}))
	}
	b, ok := bytesOf(g.h.vm, call.Argument(0))
	if !ok {
		panic(g.h.nodeError("TypeError", `The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.`,
			map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
	}
	if !call.Argument(3).ToBoolean() && len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	if call.Argument(2).ToBoolean() && !utf8.Valid(b) {
		panic(g.h.nodeError("TypeError", "The encoded data was not valid for encoding utf-8",
			map[string]any{"code": "ERR_ENCODING_INVALID_ENCODED_DATA"}))
	}
	return g.h.vm.ToValue(encodeNodeString(b, "utf8"))
}
