// Package nodediff runs JavaScript under the real reference Nodes, Node 22
// and Node 18, for differential tests of the sandbox and of the Node
// emulation packages (internal/inspect, internal/polyfill,
// internal/nodemod/...). It is a test helper only: no production code
// imports it.
//
// The binaries, and the real oauth, request and jsonwebtoken beside them,
// come from internal/testenv: testdata/node22 and testdata/node18 (`make
// node-deps`; docs/node-runtime.md). A missing binary skips the test, except
// under CI=true, where it fails (testenv.Missing). Node always runs with
// TZ=UTC and NODE_PATH set to the runtime's node_modules.
//
// Two ways to compare:
//   - Rows (Node, Goja, Compare, CompareWith): each row is a program whose
//     completion value is its result, run in global scope on both engines
//     and encoded as one string ("S:", "J:" or "E:"), compared row by row.
//   - Snippets (Eval): each snippet is an async function body with require
//     in scope; it returns its value (a promise is awaited) or throws, and
//     comes back as a Result. All snippets of one Eval call run, in order,
//     in one node process.
package nodediff
