package script

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// nodeError builds an Error of the named constructor with Node-style extra
// properties such as code, errno and syscall.
func (h *host) nodeError(ctor, message string, props map[string]any) *goja.Object {
	c, _ := h.vm.Get(ctor).(*goja.Object)
	obj, err := h.vm.New(c, h.vm.ToValue(message))
	if err != nil {
		obj = h.vm.NewGoError(fmt.Errorf("%s", message))
	}
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		_ = obj.Set(k, props[k])
	}
	if code, _ := props["code"].(string); strings.HasPrefix(code, "ERR_") {
		h.nodeErrorCode(obj, ctor, code)
	}
	return obj
}

// nodeErrorCode gives obj the look of Node's internal errors
// (lib/internal/errors.js NodeError): String(err) and the stack's first line
// read "TypeError [ERR_X]: message". Like Node's, toString is not an own
// enumerable key, so Object.keys(err) is still ['code'].
func (h *host) nodeErrorCode(obj *goja.Object, name, code string) {
	header := name + " [" + code + "]: " + obj.Get("message").String()
	_ = obj.DefineDataProperty("toString", h.vm.ToValue(func(goja.FunctionCall) goja.Value { return h.vm.ToValue(header) }),
		goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if st := obj.Get("stack"); st != nil && !goja.IsUndefined(st) {
		stack := st.String()
		if _, rest, ok := strings.Cut(stack, "\n"); ok {
			stack = header + "\n" + rest
		} else {
			stack = header
		}
		_ = obj.DefineDataProperty("stack", h.vm.ToValue(stack), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// describeArg says what an argument is, as Node's ERR_INVALID_ARG_TYPE does.
func describeArg(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if o, ok := v.(*goja.Object); ok {
		// lib/internal/errors.js determineSpecificType: "function <name>",
		// else "an instance of <constructor.name>".
		if _, fn := goja.AssertFunction(v); fn {
			return "function " + propText(o, "name")
		}
		if c, ok := o.Get("constructor").(*goja.Object); ok {
			if name := propText(c, "name"); name != "" {
				return "an instance of " + name
			}
		}
		return "an instance of Object"
	}
	// lib/internal/errors.js determineSpecificType: util.inspect of the
	// value (a string in single quotes), cut to 25 characters and "..."
	// past 28.
	inspected := v.String()
	if s, ok := v.Export().(string); ok {
		q := "'"
		if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
			q = `"`
		}
		inspected = q + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "\n", `\n`) + q
	}
	if r := []rune(inspected); len(r) > 28 {
		inspected = string(r[:25]) + "..."
	}
	return fmt.Sprintf("type %s (%s)", typeOf(v), inspected)
}

func typeOf(v goja.Value) string {
	switch v.Export().(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	case int64, float64:
		return "number"
	}
	return "object"
}

// propText is String(o[k]) for a string property, else "".
func propText(o *goja.Object, k string) string {
	if v := o.Get(k); v != nil && goja.IsString(v) {
		return v.String()
	}
	return ""
}
