package script

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"

	"github.com/jira-auth0-bridge/bridge/internal/v8"
)

// Program is a compiled fetchUserProfile script. It is compiled once and is
// safe to Run from many goroutines: every Run gets a fresh runtime.
type Program struct {
	filename string
	source   string
	prg      *goja.Program
	lines    *v8.Source // of the wrapped source, for V8's positions (stackpos.go)
}

// SyntaxError says where a script fails to compile, in the script's own
// coordinates (1-based line and column).
type SyntaxError struct {
	File         string
	Line, Column int    // V8's: the offending token, column in UTF-16 units
	Message      string // V8's words (Node 22), such as "Unexpected token ','"
	SourceLine   string // the script's line Line, as Node quotes it
	Width        int    // how many carets Node draws under the token (at least 1)
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
}

// Quote is the error as Node prints an uncaught SyntaxError: "file:line", the
// source line, carets under the offending token, then "SyntaxError: message".
func (e *SyntaxError) Quote() string {
	if e.SourceLine == "" {
		return e.File + ":" + strconv.Itoa(e.Line) + "\n\nSyntaxError: " + e.Message
	}
	caret := strings.Repeat(" ", max(e.Column-1, 0)) + strings.Repeat("^", max(e.Width, 1))
	return e.File + ":" + strconv.Itoa(e.Line) + "\n" + e.SourceLine + "\n" + caret + "\n\nSyntaxError: " + e.Message
}

// prefix opens the parenthesis that turns the stored source, a function
// expression as Auth0 stores it (docs/auth0.md "The sandbox"), into an expression statement. It
// shifts columns of the first line by its length; positions are corrected back.
const prefix = "("

// Compile compiles source, a function expression `function(token, tokenSecret,
// ctx, cb) {…}`. filename names the script in errors and stacks. The error is a
// *SyntaxError. A trailing semicolon is tolerated (see doc.go).
func Compile(filename, source string) (*Program, error) {
	body := strings.TrimRight(source, " \t\r\n")
	body = strings.TrimSuffix(body, ";")
	// "\n)" so that a trailing // comment cannot swallow the parenthesis.
	wrapped := prefix + body + "\n)"
	notFunction := &SyntaxError{File: filename, Line: 1, Column: 1,
		Message: "the script must be one function expression, as Auth0 stores it: function(token, tokenSecret, ctx, cb) { … }"}
	tree, err := parser.ParseFile(nil, filename, wrapped, 0)
	if err != nil {
		if _, plain := parser.ParseFile(nil, filename, source, 0); plain == nil {
			return nil, notFunction // valid JavaScript, but statements rather than one function
		}
		return nil, syntaxError(filename, source, wrapped, err)
	}
	if !isFunctionExpression(tree) {
		return nil, notFunction
	}
	if se := unsupportedRegExp(filename, tree.File, tree); se != nil {
		return nil, se
	}
	v8.HookCatches(tree) // caught errors read V8's words (internal/v8 catch.go, v8catch.go)
	prg, err := goja.CompileAST(tree, false)
	if err != nil {
		return nil, syntaxError(filename, source, wrapped, err)
	}
	return &Program{filename: filename, source: source, prg: prg, lines: v8.NewSource(wrapped)}, nil
}

// MustCompile is Compile for sources known to be good (the shipped script); it panics on error.
func MustCompile(filename, source string) *Program {
	p, err := Compile(filename, source)
	if err != nil {
		panic(err)
	}
	return p
}

// Source returns the source the Program was compiled from, as given.
func (p *Program) Source() string { return p.source }

// Filename returns the name the Program reports in errors and stacks.
func (p *Program) Filename() string { return p.filename }

func isFunctionExpression(tree *ast.Program) bool {
	if len(tree.Body) != 1 {
		return false
	}
	st, ok := tree.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return false
	}
	switch st.Expression.(type) {
	case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
		return true
	}
	return false
}

// syntaxError turns a goja parser or compiler error into a *SyntaxError in
// the script's own coordinates.
func syntaxError(filename, source, wrapped string, err error) *SyntaxError {
	se := &SyntaxError{File: filename, Line: 1, Column: 1, Message: err.Error()}
	var list parser.ErrorList
	var one *parser.Error
	var cse *goja.CompilerSyntaxError
	switch {
	case errors.As(err, &list) && len(list) > 0:
		se.Line, se.Column, se.Message = list[0].Position.Line, list[0].Position.Column, list[0].Message
	case errors.As(err, &one):
		se.Line, se.Column, se.Message = one.Position.Line, one.Position.Column, one.Message
	case errors.As(err, &cse):
		se.Message = cse.Message
		if cse.File != nil {
			p := cse.File.Position(cse.Offset)
			se.Line, se.Column = p.Line, p.Column
		}
	}
	// V8's words and the offending token's position (internal/v8 syntax.go).
	lines := v8.NewSource(wrapped)
	se.Message, se.Line, se.Column, se.Width = lines.SyntaxText(se.Message, se.Line, se.Column)
	se.Line, se.Column = (&Program{lines: lines}).errorPosition(se.Line, se.Column)
	if all := strings.Split(source, "\n"); se.Line <= len(all) {
		se.SourceLine = strings.TrimRight(all[se.Line-1], "\r")
	}
	// The closing "\n)" is ours: an error there means the script ended early.
	if lines := strings.Count(source, "\n") + 1; se.Line > lines {
		se.Line = lines
		last := source[strings.LastIndex(source, "\n")+1:]
		se.Column = len([]rune(last)) + 1
		se.Message += " (the script ends before its function does)"
	}
	return se
}

// scriptPosition maps a position in the wrapped source back to the script.
func scriptPosition(line, col int) (int, int) {
	if line == 1 && col > len(prefix) {
		col -= len(prefix)
	}
	return line, col
}
