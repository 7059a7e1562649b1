package script

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/v8"
)

// v8Catch defines the global that the catch clauses v8.HookCatches added call.
type v8Catch struct{ h *host }

// install defines the global the hooked catch clauses call.
func (vc *v8Catch) install() {
	fn := vc.h.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		vc.v8InPlace(call.Argument(0))
		return goja.Undefined()
	})
	_ = vc.h.vm.GlobalObject().DefineDataProperty(v8.CatchHook, fn, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// v8InPlace rewrites a caught goja error's message and stack to V8's words.
// It never throws: whatever goes wrong leaves the error as it was.
func (vc *v8Catch) v8InPlace(v goja.Value) {
	defer func() {
		if v := recover(); v != nil {
			repanicStop(v)
		}
	}()
	obj, ok := v.(*goja.Object)
	if !ok || !vc.h.isError(obj) {
		return
	}
	text := obj.String()
	stack := ""
	if s := obj.Get("stack"); s != nil && !goja.IsUndefined(s) {
		stack = s.String()
	}
	v8 := vc.h.v8Stacked(text, stack)
	if v8 == text {
		return
	}
	name := obj.Get("name").String()
	_ = obj.Set("message", strings.TrimPrefix(v8, name+": "))
	if stack != "" {
		_ = obj.Set("stack", strings.Replace(stack, text, v8, 1))
	}
}
