// Package auth0fake is an in-process fake of the parts of the Auth0 Management
// API v2 that bridge publish uses: the client-credentials token endpoint, and
// list/get/create/patch of connections and their enabled clients. Its shapes are
// those of the recorded traffic in docs/auth0.md "Management API": ids con_<16 alnum>, the create
// answer echoing options with is_domain_connection false and realms [name], the
// error body {statusCode,error,message,errorCode}, 429 with x-ratelimit-* and
// Retry-After.
//
// Like the real API it enforces scopes per token, omits options from GET without
// read:connections_options, refuses a PATCH carrying options without
// update:connections_options, refuses name/strategy in a PATCH and replaces
// options wholesale. Tests inject faults (429, 500, hangs, lost answers) and
// read the request log to assert what was, or was not, sent.
//
// Assumptions where docs/auth0.md is silent: the enabled-clients cursor is opaque
// (here the base64 of an offset); a 401 has no errorCode; PATCH answers the
// connection with options only when the token may read them.
package auth0fake
