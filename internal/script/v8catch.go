package script

import (
	"reflect"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/unistring"
)

// A script that catches one of goja's errors must read V8's words in it, as
// it would under Node (`catch (e) { cb(new Error(e.message)) }`). goja has no
// hook where it makes its errors, so Compile gives every `catch (e) {…}` a
// first statement that rewrites e in place (v8errors.go): message and the
// stack's first line. The added nodes carry the position of the catch
// block's "{", so no other position in the script moves.

// v8CatchHook is the global the added statement calls (non-enumerable).
const v8CatchHook = "__bridgeV8Error"

// hookCatches adds the rewrite to every catch clause with a plain parameter.
func hookCatches(tree *ast.Program) {
	walkCatches(reflect.ValueOf(tree), map[uintptr]bool{}, func(c *ast.CatchStatement) {
		id, ok := c.Parameter.(*ast.Identifier)
		if !ok || c.Body == nil {
			return
		}
		at := c.Body.LeftBrace
		call := &ast.ExpressionStatement{Expression: &ast.CallExpression{
			Callee:           &ast.Identifier{Name: unistring.String(v8CatchHook), Idx: at},
			LeftParenthesis:  at,
			ArgumentList:     []ast.Expression{&ast.Identifier{Name: id.Name, Idx: at}},
			RightParenthesis: at,
		}}
		c.Body.List = append([]ast.Statement{call}, c.Body.List...)
	})
}

func walkCatches(v reflect.Value, seen map[uintptr]bool, visit func(*ast.CatchStatement)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		if _, ok := v.Interface().(*file.File); ok {
			return
		}
		walkCatches(v.Elem(), seen, visit)
		if c, ok := v.Interface().(*ast.CatchStatement); ok {
			visit(c)
		}
	case reflect.Interface:
		if !v.IsNil() {
			walkCatches(v.Elem(), seen, visit)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkCatches(v.Field(i), seen, visit)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkCatches(v.Index(i), seen, visit)
		}
	}
}

// installV8CatchHook defines the global the hooked catch clauses call.
func (r *runner) installV8CatchHook() {
	fn := r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		r.v8InPlace(call.Argument(0))
		return goja.Undefined()
	})
	_ = r.vm.GlobalObject().DefineDataProperty(v8CatchHook, fn, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
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
