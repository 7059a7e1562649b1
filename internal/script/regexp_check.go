package script

import (
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"

	"github.com/jira-auth0-bridge/bridge/internal/v8"
)

// unsupportedRegExp finds the first regular expression literal that goja
// would run differently from Node 22 and returns a *SyntaxError for it, or
// nil. goja reads \p{…} and \P{…} (Unicode property escapes, u flag) as the
// letters "p{…}", so /\p{L}/u.test('é') is false where Node says true: the
// script would silently take another branch. goja rejects the d and v flags,
// which Node 22 accepts. Failing at compile time, with the reason, is better
// than a result Node would not give. Such a RegExp built at run time with
// new RegExp is not caught (doc.go).
func unsupportedRegExp(filename string, f *file.File, tree *ast.Program) *SyntaxError {
	var found *SyntaxError
	walkAST(reflect.ValueOf(tree), map[uintptr]bool{}, func(re *ast.RegExpLiteral) bool {
		why := ""
		switch {
		case strings.ContainsAny(re.Flags, "dv"):
			why = "Node 22 accepts its flags " + re.Flags + " but goja, the bridge's JavaScript engine, does not (drop d; write v sets as u classes)"
		case strings.Contains(re.Flags, "u") && hasPropertyEscape(re.Pattern):
			why = "goja, the bridge's JavaScript engine, reads \\p{…} and \\P{…} as plain letters, so it would not match what Node matches " +
				"(rewrite it with explicit character ranges)"
		default:
			return true
		}
		line, col := 1, 1
		if f != nil {
			p := f.Position(int(re.Idx) - f.Base())
			line, col = (&Program{lines: v8.NewSource(f.Source())}).errorPosition(p.Line, p.Column)
		}
		found = &SyntaxError{File: filename, Line: line, Column: col, Message: "the regular expression " + strings.TrimSpace(re.Literal) +
			" cannot be run faithfully by the bridge: " + why}
		return false
	})
	return found
}

// hasPropertyEscape reports whether pattern has an unescaped \p{ or \P{.
func hasPropertyEscape(pattern string) bool {
	for i := 0; i+2 < len(pattern); i++ {
		if pattern[i] != '\\' {
			continue
		}
		if (pattern[i+1] == 'p' || pattern[i+1] == 'P') && pattern[i+2] == '{' {
			return true
		}
		i++ // skip the escaped character, so \\p is a backslash then p
	}
	return false
}

// walkAST calls visit on every *ast.RegExpLiteral under v, in source order,
// until visit returns false. goja's ast package has no walker.
func walkAST(v reflect.Value, seen map[uintptr]bool, visit func(*ast.RegExpLiteral) bool) bool {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return true
		}
		seen[v.Pointer()] = true
		if re, ok := v.Interface().(*ast.RegExpLiteral); ok {
			return visit(re)
		}
		if _, ok := v.Interface().(*file.File); ok {
			return true
		}
		return walkAST(v.Elem(), seen, visit)
	case reflect.Interface:
		if v.IsNil() {
			return true
		}
		return walkAST(v.Elem(), seen, visit)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && !walkAST(v.Field(i), seen, visit) {
				return false
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if !walkAST(v.Index(i), seen, visit) {
				return false
			}
		}
	}
	return true
}
