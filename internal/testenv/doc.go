// Package testenv is the one place tests find what they need from the machine:
// the reference Node runtimes (real Node 22 and Node 18 with the real oauth,
// request and jsonwebtoken, installed by `make node-deps` into testdata/node22
// and testdata/node18; docs/fidelity.md), Chromium for the browser tests, and
// the rule that a missing one fails the test under CI=true and skips it
// elsewhere.
//
// Tests call each Node binary by path, never the node on PATH, and run it with
// TZ=UTC, the time zone scripts see in the sandbox (docs/auth0.md).
package testenv
