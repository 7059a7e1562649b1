// Package wire sends a script's HTTP requests byte for byte as Node's http
// module would: header names keep their case (node-oauth's "Content-length")
// and their order (docs/node-oauth.md), which Go's http.Header cannot do.
// Responses are parsed with net/http; the raw header lines are kept for
// Node's rawHeaders. The package knows nothing of JavaScript: the script
// runtime validates headers the way Node does before it builds a Request.
//
// Connections are kept for reuse when neither side asked to close, up to four
// idle ones per scheme, host and port. A Client built from an http.Client
// whose transport is not an *http.Transport sends through that client
// instead; header case and order are then Go's.
package wire
