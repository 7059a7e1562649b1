// Package nodediff runs the real Node 22 and Node 18 binaries for
// differential tests of the Node emulation packages (internal/inspect,
// internal/polyfill, internal/nodemod/...). It is a test helper only: no
// production code imports it. Binaries are found through BRIDGE_NODE22 /
// BRIDGE_NODE18, then <repo>/testdata/node22|node18/node_modules/.bin/node
// (the npm packages node@22 and node@18, see docs/node-runtime.md). A missing
// binary skips the test, except under CI=true where it fails.
package nodediff
