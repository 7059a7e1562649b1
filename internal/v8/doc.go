// Package v8 is the V8-compatibility layer of the script runtime: what the
// V8 of the selected Node (Runtime: Node 22, the default, or Node 18) says
// where goja says something else, as plain functions over text and goja's
// parse tree.
//
//   - ErrorText rewrites goja's error lines ("Object has no member 'f'") to
//     V8's ("a.f is not a function"), given the source around the throw;
//   - JSONError explains a failed JSON.parse with V8's message and position
//     (src/json/json-parser.cc), worded as Node 22 or Node 18 does;
//   - HookCatches makes every catch clause rewrite its error in place, so a
//     script that reads e.message sees V8's words;
//   - Source maps goja's byte columns and call positions to V8's UTF-16
//     columns and callee positions, for stacks and syntax errors.
//
// Every rewrite is checked against real Node by the tests of internal/script
// (TestV8ErrorMessagesMatchNode, TestJSONParseErrorsMatchNode,
// TestStackPositionsMatchNode, TestSyntaxErrorsMatchNode, TestDiffTable);
// docs/node-runtime.md "V8 messages and the agent" lists what stays different.
package v8
