package script

import (
	"unicode/utf16"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/v8"
)

// jsonParse replaces JSON.parse with one that throws V8's messages.
type jsonParse struct{ h *host }

// install wraps JSON.parse so that a failure throws a SyntaxError
// with V8's message (per runtime, internal/v8), not goja's (Go's encoding/json wording, such as
// "invalid character '<' looking for beginning of value"). Scripts put
// ex.message into the errors they hand to cb, so the wording is part of what
// Auth0 would show: `Unexpected token '<', "<!DOCTYPE "... is not valid JSON`.
// goja still does the parsing; v8.JSONError only explains a failure.
func (j *jsonParse) install() {
	jsonObj := j.h.vm.Get("JSON").ToObject(j.h.vm)
	orig, ok := goja.AssertFunction(jsonObj.Get("parse"))
	if !ok {
		return
	}
	parse := j.h.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		text := call.Argument(0).ToString() // once, as V8 does: toString side effects run once
		v, err := orig(goja.Undefined(), text, call.Argument(1))
		if err == nil {
			return v
		}
		if ex, ok := err.(*goja.Exception); ok {
			if o, isObj := ex.Value().(*goja.Object); isObj && o.Get("name").String() == "SyntaxError" {
				if msg := v8.JSONError(utf16.Encode([]rune(text.String())), j.h.v8Runtime()); msg != "" {
					panic(j.h.nodeError("SyntaxError", msg, nil))
				}
			}
		}
		panic(err)
	}).(*goja.Object)
	_ = parse.DefineDataProperty("name", j.h.vm.ToValue("parse"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = parse.DefineDataProperty("length", j.h.vm.ToValue(2), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = jsonObj.DefineDataProperty("parse", parse, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
