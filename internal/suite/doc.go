// Package suite runs test cases against a fetchUserProfile script: the engine
// of `bridge test`, and the verification gate of publish and live.
//
// One run starts ONE mock JIRA (internal/jiramock) that trusts the consumer,
// renders the script with the mock's base URL once and compiles it once. Each
// case gets its own access token minted by the mock (no OAuth dance), whose
// grant carries the case's user, flavor and faults, so cases run side by side
// on the shared mock. A pool of Parallel workers runs the cases; every run gets
// a fresh goja runtime (runtimes are never shared), and all runs share the
// runtime's one keep-alive HTTP client. (node-oauth's requests say
// "Connection: close", docs/node-oauth.md, and the runtime honours that as Node does, so
// in practice each signed call opens its own loopback connection.) Results
// come back in case order, whatever finishes first.
//
// A case passes when the outcome matches its expectation (a profile equal in
// every field, type and value; or an error of the expected kind whose message
// matches the regexp) and the profile breaks none of Auth0's rules
// (internal/profile: errors fail, warnings fail only with Strict).
//
// Assumption: the 51,200-character limit is checked on the script as given
// (with its JIRA_URL placeholder), since the stored script's length depends on
// the real JIRA URL, which the test run does not know.
package suite
