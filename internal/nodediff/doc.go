// Package nodediff runs JavaScript snippets under the real reference Nodes
// (node22 and node18 from testdata, with the real oauth, request and
// jsonwebtoken on the module path; internal/testenv) and returns comparable
// results: the completion value as JSON, or the thrown error's name and
// message. Differential tests compare these with what the sandbox (goja)
// gives for the same snippet.
//
// A snippet is a function body: it returns its value (a promise is awaited),
// may call require, and runs with TZ=UTC. All snippets of one Eval call run,
// in order, in one node process.
package nodediff
