// Package polyfill gives a goja runtime the built-ins of the Node version a
// script is checked against (Auth0's node22 or node18 runtime), no more and no
// fewer, when goja lacks them or has them where that Node does not.
//
// goja (go.mod version) already has Array.prototype.toSorted, toReversed,
// toSpliced, with, findLast, findLastIndex, the ES2025 Set methods and Error's
// cause option natively. It lacks Object.groupBy, Map.groupBy,
// Promise.withResolvers, String.prototype.isWellFormed/toWellFormed, and its
// Number.prototype.toLocaleString throws for a locale argument. Node 18 lacks
// the Array "change array by copy" methods and the Set methods, so Install
// removes them for node18. The table with its sources is in
// docs/node-runtime.md ("Built-ins").
package polyfill
