// Package v8 is the V8-compatibility layer of the script runtime: what Node
// 20's V8 says where goja says something else, as plain functions over text
// and goja's parse tree.
//
//   - ErrorText rewrites goja's error lines ("Object has no member 'f'") to
//     V8's ("a.f is not a function"), given the source around the throw;
//   - JSONError explains a failed JSON.parse with V8's message and position
//     (src/json/json-parser.cc);
//   - HookCatches makes every catch clause rewrite its error in place, so a
//     script that reads e.message sees V8's words;
//   - Source maps goja's byte columns and call positions to V8's UTF-16
//     columns and callee positions, for stacks and syntax errors.
//
// Every rewrite is checked against real Node by the tests of internal/script
// (TestV8ErrorMessagesMatchNode, TestJSONParseErrorsMatchNode,
// TestStackPositionsMatchNode); docs/fidelity.md lists what stays different.
package v8
