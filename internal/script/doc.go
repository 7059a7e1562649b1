// Package script runs an Auth0 oauth1 fetchUserProfile script the way Auth0's
// Node sandbox would, in goja, against JIRA (issue 3; FACTS §1, §2, §7).
//
// # Running
//
// Compile takes the script as Auth0 stores it: one function expression
// `function(token, tokenSecret, ctx, cb) {…}` (FACTS §2). It is compiled once
// as "(" + source + "\n)", so a trailing line comment is harmless, and every
// position (syntax errors, stacks) is reported in the script's own lines and
// columns under the file name given. A trailing semicolon is tolerated.
//
// Program.Run evaluates it on a fresh goja runtime with its own event loop
// and calls it as fn(token, tokenSecret, ctx, cb). The loop counts pending
// work (timers, HTTP requests) the way k6 does (FACTS §7): goroutines hand
// results back through a queue and the loop runs them on the runtime's
// goroutine. A run ends in exactly one Kind:
//
//   - profile: cb(null, profile); the profile is JSON.stringify'd at once.
//   - callback: cb(err) with a truthy err. Error objects keep name, message,
//     stack and own properties (code, statusCode); plain objects such as
//     node-oauth's {statusCode, data} stay as they are (Error.Value).
//     cb(null) or cb(null, undefined) also ends here: there is no profile.
//   - exception: a throw, synchronous or inside an async callback (an
//     uncaught exception in Node), or a stack overflow.
//   - timeout: no cb within Options.Timeout (default 20 s, the webtask
//     limit); the message lists the requests still pending. A script that
//     returns without calling cb while nothing is pending ends at once as a
//     timeout too: in Auth0 the login would hang until the limit.
//   - double_callback: a second cb. After the first cb the run goes on while
//     work is pending, for at most one second, so a late second cb is caught.
//     A throw after the first cb does not change the outcome.
//   - memory: the heap ceiling was crossed.
//   - syntax: the script does not compile, or is not a function expression.
//
// # The sandbox
//
// require works with and without new (`new require('oauth').OAuth`, FACTS
// §2) and knows only native modules: oauth (node-oauth 0.10.2) and request.
// Anything else, fs and process included, fails with Node's "Cannot find
// module 'x'" (code MODULE_NOT_FOUND) plus a note that the bridge does not
// provide it. There is no module loader at all, so nothing is read from
// disk, and goja_nodejs's process module (which copies os.Environ, FACTS §7)
// is never registered. Globals: console (log, info, warn, error, debug,
// trace, dir; captured per run, at most 2000 lines / 1 MiB), setTimeout,
// setInterval, setImmediate and their clear functions, global. There is no
// Buffer. The private key (ctx.client_secret), the token secret and
// Options.Secrets are redacted from everything a Result carries.
//
// HTTP may reach only the hosts of the JIRA URLs in ctx (or
// Options.AllowedHosts). Anything else fails the way node-oauth reports a
// network error: cb(err) with an Error whose code is EACCES and whose message
// names the blocked host.
//
// # The oauth module
//
// node-oauth 0.10.2 is emulated in Go, citing lib/oauth.js lines: the
// constructor and its argument rules, _performSecureRequest, get, delete,
// post, put, getOAuthRequestToken, getOAuthAccessToken, signUrl, authHeader,
// setClientOptions. The signature base string is built here, not by
// dghubble/oauth1, because node-oauth's quirks differ: _encodeData's extra
// escapes, querystring.parse semantics (+ as space), repeated query keys
// renamed key[0], key[1], legacy url.parse normalisation. Signatures are made
// with dghubble/oauth1's RSASigner (HMACSigner and HMAC256Signer for the HMAC
// methods; PLAINTEXT by hand). Private keys (PKCS#1 or PKCS#8 PEM) are parsed
// once per process and cached by PEM text; a bad key throws synchronously
// with Node's error, as in Node. Objects carry node-oauth's own properties
// and prototype methods, so patching OAuth.prototype._getNonce works.
//
// Requests are written byte for byte as Node sends them: header names keep
// their case (Content-length) and order (Authorization, Host, Accept,
// Connection, User-Agent, Content-length, Content-Type). node-oauth sends
// "Connection: close", so each of its requests uses one connection, exactly
// as under Node; connections are kept for reuse only when neither side asked
// to close (custom headers, or the request module without close). An
// Options.HTTPClient whose Transport is an *http.Transport lends its dialer
// and TLS settings; any other Transport is used as is, and then header order
// and case are Go's.
//
// # Differences from Node (assumptions)
//
//   - Stack overflow: goja's *StackOverflowError cannot be caught by the
//     script, unlike Node's RangeError; it always ends the run as exception.
//     The call depth limit is 4096 frames.
//   - Memory: goja has no per-runtime accounting. A watchdog samples the
//     process heap (runtime/metrics) every 5 ms and interrupts the VM when it
//     has grown more than the ceiling since the run began (confirmed after a
//     GC). It cannot stop a single huge allocation inside one native call,
//     such as 'x'.repeat(2**31): that allocation happens before the watchdog
//     can look, and may exhaust the machine. Runs in parallel share the heap,
//     so with many parallel runs the ceiling applies to their sum.
//   - Without a callback, node-oauth returns the unsent request object; the
//     shim sends nothing and returns undefined.
//   - A response whose connection closes before the body is complete never
//     calls back (FACTS §1, checked under Node 20); the run then ends as a
//     timeout.
//   - 301/302 are followed with no hop limit, as node-oauth does: a redirect
//     loop runs until the time limit. A relative Location (no host) fails
//     with Node's "connect ECONNREFUSED 127.0.0.1:80" without connecting.
//   - A blocked host fails with code EACCES (Node would connect); the
//     message names the host and the hosts allowed.
//   - url.parse is followed for http(s) URLs; Unicode host names are not
//     converted to punycode.
//   - console formats objects as JSON, not util.inspect's layout.
//   - Only OAuth is exported by require('oauth') (no OAuthEcho, OAuth2).
package script
