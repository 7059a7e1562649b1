package script

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/v8"
)

// installV8CatchHook defines the global the hooked catch clauses call.
func (r *runner) installV8CatchHook() {
	fn := r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		r.v8InPlace(call.Argument(0))
		return goja.Undefined()
	})
	_ = r.vm.GlobalObject().DefineDataProperty(v8.CatchHook, fn, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// v8InPlace rewrites a caught goja error's message and stack to V8's words.
// It never throws: whatever goes wrong leaves the error as it was.
func (r *runner) v8InPlace(v goja.Value) {
	defer func() { _ = recover() }()
	obj, ok := v.(*goja.Object)
	if !ok || !r.isError(obj) {
		return
	}
	text := obj.String()
	stack := ""
	if s := obj.Get("stack"); s != nil && !goja.IsUndefined(s) {
		stack = s.String()
	}
	v8 := r.v8Stacked(text, stack)
	if v8 == text {
		return
	}
	name := obj.Get("name").String()
	_ = obj.Set("message", strings.TrimPrefix(v8, name+": "))
	if stack != "" {
		_ = obj.Set("stack", strings.Replace(stack, text, v8, 1))
	}
}
