// Package gen generates large, deterministic suites of test cases for
// `bridge test`: Server and Cloud users of many shapes (names and
// display names in many scripts, emails and avatars present or absent, 0 to
// 40 groups, inactive users) and the JIRA faults the shipped script handles
// (500, 404 on the lookup, an HTML proxy page, truncated JSON, a JSON value
// that is not an object, 204, a redirect, a dropped connection).
//
// Every case carries its exact expectation for the SHIPPED script
// (scripts/fetchUserProfile.js): mirror.go re-implements that script's
// mapping (toProfile), its error messages (getJSON) and its helpers
// (snippet, encodeURIComponent) in Go. The mirror is checked, not trusted:
// `bridge test --cases DIR` on a generated directory must pass (gen_test.go
// runs that through internal/suite), so a change to the script that the
// mirror does not follow shows as failing cases. When you change the
// script's mapping or messages, change mirror.go with it.
//
// No case waits on a slow JIRA or on a body that never ends: the suites also
// run under Node with the real oauth package (bench/node/run.js), where
// node-oauth has no timeout (docs/node-oauth.md) and such a case would hang.
//
// One assumption: an "invalid JSON" expectation matches any JSON.parse
// message between the parentheses (engines word them differently) and the
// rest exactly.
package gen
