package connection

import (
	"fmt"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

// oauth1Shape warns when an oauth2 script takes OAuth 1.0a's four parameters
// (token, tokenSecret, ctx, cb): Auth0 calls an oauth2 fetchUserProfile as
// fn(accessToken, ctx, callback) (docs/auth0.md "The sandbox"), so a four-parameter
// script takes the callback for ctx and finds its own callback undefined. "" when the
// script takes three parameters, or does not parse (checkScript says why).
func oauth1Shape(source string) string {
	tree, err := parser.ParseFile(nil, "", "("+strings.TrimSuffix(strings.TrimRight(source, " \t\r\n"), ";")+"\n)", 0)
	if err != nil || len(tree.Body) != 1 {
		return ""
	}
	st, ok := tree.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return ""
	}
	var params *ast.ParameterList
	switch fn := st.Expression.(type) {
	case *ast.FunctionLiteral:
		params = fn.ParameterList
	case *ast.ArrowFunctionLiteral:
		params = fn.ParameterList
	}
	if params == nil || len(params.List) == 3 || params.Rest != nil {
		return ""
	}
	msg := fmt.Sprintf("the function takes %d parameters; Auth0 calls an oauth2 script as fetchUserProfile(accessToken, ctx, callback)", len(params.List))
	if len(params.List) == 4 {
		msg += ": this looks like an OAuth 1.0a script (token, tokenSecret, ctx, callback), whose callback would be undefined"
	}
	return msg
}
