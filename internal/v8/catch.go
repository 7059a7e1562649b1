package v8

import (
	"reflect"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/unistring"
)

// A script that catches one of goja's errors must read V8's words in it, as
// it would under Node (`catch (e) { cb(new Error(e.message)) }`). goja has no
// hook where it makes its errors, so Compile gives every `catch (e) {…}` a
// first statement that rewrites e in place (ErrorText): message and the
// stack's first line. The added nodes carry the position of the catch
// block's "{", so no other position in the script moves.

// CatchHook is the global the added statement calls; the runtime defines it
// (non-enumerable) as a function that rewrites its argument in place.
const CatchHook = "__bridgeV8Error"

// HookCatches adds the rewrite to every catch clause with a plain parameter.
func HookCatches(tree *ast.Program) {
	walkCatches(reflect.ValueOf(tree), map[uintptr]bool{}, func(c *ast.CatchStatement) {
		id, ok := c.Parameter.(*ast.Identifier)
		if !ok || c.Body == nil {
			return
		}
		at := c.Body.LeftBrace
		call := &ast.ExpressionStatement{Expression: &ast.CallExpression{
			Callee:           &ast.Identifier{Name: unistring.String(CatchHook), Idx: at},
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
