// Package script runs an Auth0 oauth1 fetchUserProfile script the way Auth0's
// Node sandbox would, in goja, against JIRA (docs/node-oauth.md, docs/auth0.md "The sandbox", docs/fidelity.md "goja").
//
// # Running
//
// Compile takes the script as Auth0 stores it: one function expression
// `function(token, tokenSecret, ctx, cb) {…}` (docs/auth0.md "The sandbox"). It is compiled once
// as "(" + source + "\n)", so a trailing line comment is harmless, and every
// position (syntax errors, stacks) is reported in the script's own lines and
// columns under the file name given, counted as V8 counts them (UTF-16
// units; a call's frame at the callee's name). A trailing semicolon is
// tolerated; arrow and async function expressions are accepted (assumption:
// Auth0 evaluates the stored text as an expression, as Node would accept
// them); statements and declarations are not. The 51,200-character limit is
// checked by internal/profile and internal/suite, not here.
//
// Program.Run evaluates it on a fresh goja runtime with its own event loop
// (internal/eventloop) and calls it as fn(token, tokenSecret, ctx, cb), or,
// with Options.Protocol "oauth2", as fn(accessToken, ctx, cb) with the token
// response as ctx (docs/auth0.md "OAuth2 ctx"). The loop counts pending
// work (HTTP requests) the way k6 does (docs/fidelity.md "goja") and orders callbacks as
// Node's libuv phases do: due timers (by due time, then creation), then
// responses in arrival order, then setImmediate callbacks; promise jobs run
// after each callback. A run ends in exactly one Kind:
//
//   - profile: cb(null, profile); the profile is JSON.stringify'd at once.
//   - callback: cb(err) with a truthy err. Error objects keep name, message,
//     stack and own properties (code, statusCode); plain objects such as
//     node-oauth's {statusCode, data} stay as they are (Error.Value).
//     cb(null) or cb(null, undefined) also ends here: there is no profile.
//   - exception: a throw, synchronous or inside an async callback (an
//     uncaught exception in Node), a promise rejected with no handler (Node
//     20 raises it as uncaught: --unhandled-rejections=throw), or a stack
//     overflow. A throw after the first cb is an exception too: Node ends
//     the process on it, whatever cb was given.
//   - timeout: no cb within Options.Timeout (default 20 s, the webtask
//     limit); the message lists the requests still pending. A script that
//     returns without calling cb while nothing is pending ends at once as a
//     timeout too: in Auth0 the login would hang until the limit.
//   - double_callback: a second cb. After the first cb the run goes on while
//     work is pending, for at most one second, so a late second cb is caught.
//   - memory: the heap ceiling was crossed.
//   - syntax: the script does not compile, is not a function expression, or
//     has a regular expression goja would run differently from Node.
//   - crash: never from Run itself; the sandbox worker running the script
//     died (a Go panic, a native stack overflow), see internal/sandbox.
//
// # Modules and the host
//
// The runtime is laid out like k6's js/modules: the runner (run.go) only
// calls the script, settles the Result and stops the run; every Node module
// and global is its own type with its own state (console.go, timers.go,
// crypto_module.go, request_module.go, oauth_module.go with oauthSigner in
// oauth_request.go, node_globals.go, locale.go, jsonparse.go, v8catch.go,
// rejections.go). Each holds the run's *host (host.go) and reaches the run
// only through it:
//
//   - h.vm, the goja runtime, used on the loop's goroutine only;
//   - h.loop, the event loop: h.loop.RegisterCallback() before work leaves
//     the JS goroutine, then the returned enqueue, exactly once, with the job
//     to run back on it (k6's RegisterCallback); timers use Schedule and
//     Immediate;
//   - h.red, the redactor of the run's secrets;
//   - h.net, the network: the host policy, the byte-exact client
//     (internal/wire) and the record of requests (send, responseObject,
//     validateHeaders, requestLine);
//   - h.rej, the unhandled-rejection tracker;
//   - h.opts, h.prog and h.res, the run's Options, Program and Result;
//   - the shared helpers: nodeError, nodeErrorCode, isError, stringify,
//     callMethod, later, catchNodeError, and V8's texts and stacks
//     (v8Text, v8Exception, v8Stacked, cleanStack, formatFrames,
//     callerPosition; the pure part lives in internal/v8).
//
// A global implements install() (define its names on h.vm); a module
// implements exports() *goja.Object (what require returns, built on the
// first require and cached). newRegistry (registry.go) lists them for a
// runtime profile, Options.Runtime (runtime.go: RuntimeNode22, the default,
// or RuntimeNode18; any other value fails the run). Adding a module or a
// global is a new file with its type and one line in newRegistry; the runner
// does not change. require (require.go) knows only the registry's modules.
//
// # The sandbox
//
// require works with and without new (`new require('oauth').OAuth`, docs/auth0.md
// "The sandbox") and knows only native modules: oauth (node-oauth 0.10.2), request, and
// the part of Node's crypto a profile script uses (createHash, createHmac,
// createSign, createVerify, getHashes, randomUUID, randomBytes,
// timingSafeEqual; also as node:crypto). Anything else, fs
// and process included, fails with Node's "Cannot find
// module 'x'" (code MODULE_NOT_FOUND) plus a note that the bridge does not
// provide it. There is no module loader at all, so nothing is read from
// disk, and goja_nodejs's process module (which copies os.Environ, docs/fidelity.md "goja")
// is never registered.
//
// Globals beyond the language: console (log, info, warn, error, debug,
// trace, dir; captured per run, at most 2000 lines / 1 MiB, a line at most
// 64 KiB, each cut marked "… [truncated N bytes]"), setTimeout,
// setInterval, setImmediate and their clear functions, queueMicrotask, atob,
// btoa, global, globalThis, Error.captureStackTrace. Behaviour made to match
// Node 22 and Node 18, each with a conformance test that runs the same input under node:
// JSON.parse throws V8's SyntaxError messages (scripts embed ex.message);
// Number and Date toLocaleString, toLocaleDateString and toLocaleTimeString
// give ICU's en-US output; response bodies and querystring values are decoded
// with the WHATWG UTF-8 decoder; Node's internal errors print as "TypeError
// [ERR_X]: …"; headers, the path and the method are checked and encoded as
// http.request does (CR/LF or a character above U+00FF throws, through
// node-oauth synchronously, through request into the callback; latin1 bytes).
//
// The private key (ctx.client_secret), the token secret and Options.Secrets
// are redacted from everything a Result carries, also in their
// percent-encoded forms (encodeURIComponent, encodeURI, escape, _encodeData,
// querystring, path-escaped) and line by line for a PEM.
//
// HTTP may reach only the hosts of the JIRA URLs in ctx (or
// Options.AllowedHosts). Anything else fails the way node-oauth reports a
// network error: cb(err) with an Error whose code is EACCES and whose message
// names the blocked host.
//
// # The oauth module
//
// node-oauth 0.10.2 is emulated in Go, citing lib/oauth.js lines: OAuth and
// OAuthEcho (sharing one prototype, as in L60) with the constructor argument
// rules, _performSecureRequest, get, delete, post, put,
// getOAuthRequestToken, getOAuthAccessToken, signUrl, authHeader,
// setClientOptions and the helpers (_getSignature, _createSignature,
// _normaliseRequestParams, …; the pure ones are node-oauth's own JavaScript).
// The signature base string is built here, not by dghubble/oauth1, because
// node-oauth's quirks differ: _encodeData's extra escapes, querystring.parse
// semantics (+ as space), repeated query keys renamed key[0], key[1], legacy
// url.parse normalisation. Signatures are made with dghubble/oauth1's
// RSASigner (HMACSigner and HMAC256Signer for the HMAC methods; PLAINTEXT by
// hand). Private keys (PKCS#1 or PKCS#8 PEM) are parsed once per process and
// cached by PEM text; a bad key throws synchronously with Node's error, as in
// Node. Objects carry node-oauth's own properties in Node's order, so a
// script that patches OAuth.prototype._getNonce or _getTimestamp is honoured.
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
// # Differences from Node 22 and 18 (known, and what the bridge does about them)
//
// Where a difference could make a script pass here and fail in Auth0, the
// bridge fails it instead, saying why; the rest are listed so that a reader
// of a result knows what it does not show.
//
//   - goja's own error messages are not V8's. Where the V8 text is certain,
//     the bridge rewrites goja's, both where a JS error becomes Result.Error
//     (the message, the stack's first line, Value's message) and in an
//     error the script catches (internal/v8, v8errors.go, v8catch.go; each pair compared
//     under node by TestV8ErrorMessagesMatchNode). "Cannot read property 'x'
//     of undefined" becomes "Cannot read properties of undefined (reading
//     'x')"; "Cannot convert undefined or null to object" on an assignment
//     (a.b.x = 1, a.b['x'] = 1, a.b[0] = 1) becomes "Cannot set properties
//     of undefined (setting 'x')"; "Object has no member 'f'", "Value is not
//     an object: 1" and "Not a function: …" at a call become "a.b.f is not
//     a function" when the callee is a plain name chain (a.b.f; a['f'] is
//     written a.f); "Value is not an object: …" at new becomes "a.b is not a
//     constructor"; "Malformed URI" becomes "URI malformed"; a method call
//     on undefined reads as a property read (a.x() on undefined: "Cannot
//     read properties of undefined (reading 'x')"); for…of, spread and
//     array patterns over undefined say "a.b is not iterable"; an object
//     pattern "Cannot destructure property 'p' of 'a.b' as it is
//     undefined."; a SyntaxError is placed at the offending token in V8's
//     words (program.go, internal/v8 syntax.go). JSON.parse's messages are
//     the selected runtime's (Node 22 adds "(line L column C)", Node 18 has
//     V8 10.2's texts; docs/node-runtime.md "V8 messages and the agent").
//     goja has no
//     hook where it makes its errors, so Compile adds a first statement to
//     every catch (e) {…} that rewrites e.message and e.stack in place (the
//     added nodes carry the position of the "{", so no position moves); it
//     calls a non-enumerable global, __bridgeV8Error, which
//     Object.getOwnPropertyNames(globalThis) would show. Not hooked, so the
//     script reads goja's words there: a catch with a pattern (catch
//     ({message})) and a promise's rejection handler (.catch(fn), or await
//     outside a try). Still different: goja says undefined for null too, so
//     reading or setting a property of null says undefined here (V8:
//     "Cannot read properties of null (reading 'x')", "Cannot set properties
//     of null (setting 'x')"); setting a computed key (a.b[k] = 1) keeps
//     "Cannot convert undefined or null to object"; destructuring a
//     parameter or a nested pattern gives "Value is not object coercible";
//     other callees ('abc'.f(),
//     g().f(), a[0].f(), a?.f()) and natives' checks of a callback
//     ([].map(1), V8 "1 is not a function") keep goja's words, and so does
//     "missing ) after argument list" (goja: "Unexpected token ';'"). "x is
//     not defined" and Object.keys(null)'s "Cannot convert undefined or null
//     to object" are V8's already.
//   - Missing Node globals: process, Intl, performance, WeakRef,
//     SharedArrayBuffer, Atomics, WebAssembly, Blob, EventTarget, Request,
//     FormData (nodeOnlyGlobals). Using one fails with V8's ReferenceError
//     plus a note that the script cannot be checked here. A feature test
//     (typeof process) takes the other branch. Provided, each with
//     differential rows against real Node 22 and 18 (globals_diff_test.go,
//     fetch_test.go): Buffer (goja_nodejs's, with Node's encodings, toJSON,
//     byteLength, isBuffer, isEncoding; no Buffer(n), slice is
//     Uint8Array's copy), URL and URLSearchParams (goja_nodejs's, corrected
//     where it departed: relative resolution, origin, searchParams sync,
//     "Invalid URL"), TextEncoder and TextDecoder (UTF-8 only: another label
//     throws ERR_ENCODING_NOT_SUPPORTED where Node's ICU decodes it),
//     structuredClone (no transfer option; a DataCloneError is an Error
//     named DataCloneError, not a DOMException instance), fetch with Headers,
//     Response, AbortController, AbortSignal (no Request class, no streams:
//     body is a placeholder object, no AbortSignal.timeout or .any), and on
//     node22 only the Web Crypto crypto global (randomUUID, getRandomValues,
//     subtle.digest; the rest of subtle is absent).
//   - Runtimes (docs/auth0.md "Runtimes"): node22 and node18 differ here in
//     the crypto global (Node 19+), the Connection header of request's
//     requests (Node 18's global agent closes, Node 19+ keeps alive),
//     fetch details (Node 18 lower-cases a Headers object's names and says
//     "Body is unusable") and structuredClone()'s missing-argument text.
//     JSON.parse's messages follow each (Node 22 adds "(line L column C)",
//     Node 18 has V8 10.2's "Unexpected token o in JSON at position 0"),
//     and so do the built-ins (internal/polyfill). Auth0's "magic globals" (request, _, jwt without
//     require) exist only on the retired Node 12 runtime, so they are absent.
//     Newer built-ins goja lacks come from internal/polyfill per runtime
//     (docs/node-runtime.md "Built-ins"); Symbol.asyncIterator and
//     Array.fromAsync are undefined.
//   - Regular expressions: goja reads \p{…} and \P{…} with the u flag as the
//     letters "p{…}", and rejects the d and v flags. A literal using them fails
//     at Compile with its position; one built at run time with new RegExp is
//     not caught and would not match what Node matches.
//   - Intl: only the default en-US formats of toLocaleString and friends
//     exist (and {timeZone: 'UTC'} for dates); any other locale or option
//     throws. localeCompare and toLocaleUpperCase ignore a locale argument
//     (Node: 'ä'.localeCompare('z', 'sv') is 1, here -1; 'i' in 'tr').
//   - Date parsing: goja accepts two ISO forms V8 rejects (a comma before
//     the fraction, "16:41:23,949Z", and an offset without minutes, "+02"),
//     so Date.parse gives a time where Node gives NaN. JIRA's own format
//     ("2016-09-06T16:41:23.949+0200") parses alike.
//   - Time zone: goja's Date uses the harness process's zone (Go's
//     time.Local) for local-time methods. Auth0 is assumed to run in UTC,
//     so the bridge command sets time.Local to UTC before anything runs
//     (cmd/bridge/main.go); a program embedding this package should do the
//     same. Date's toString
//     names the zone by abbreviation: "(UTC)", Node "(Coordinated Universal
//     Time)".
//   - Stack overflow: goja's *StackOverflowError cannot be caught by the
//     script, unlike Node's RangeError; it always ends the run as exception.
//     The call depth limit is 4096 frames.
//   - Stack columns: for a method called on an undefined value (a.b.c()
//     with a.b undefined) goja's frame points at "b", V8's at "c". Lines are
//     always right.
//   - Memory: goja has no per-runtime accounting. A watchdog samples the
//     process heap (runtime/metrics) every 5 ms and interrupts the VM when it
//     has grown more than the ceiling since the run began (confirmed after a
//     GC). It cannot stop a single huge allocation inside one native call,
//     such as 'x'.repeat(2**31): that allocation happens before the watchdog
//     can look, and may exhaust the machine. Runs in parallel share the heap,
//     so with many parallel runs the ceiling applies to their sum.
//   - Without a callback, node-oauth returns the unsent request object; the
//     shim checks the request as http.request would, sends nothing and returns
//     undefined. _createClient (which returns that object) throws.
//     require('oauth').OAuth2 exists but its constructor throws: it is not
//     emulated.
//   - A response whose connection closes before the body is complete never
//     calls back (docs/node-oauth.md, checked under Node 20); the run then ends as a
//     timeout. A body over 64 MiB fails as a network error (Node has no cap).
//   - 301/302 are followed with no hop limit, as node-oauth does: a redirect
//     loop runs until the time limit. A relative Location (no host) fails
//     with Node's "connect ECONNREFUSED 127.0.0.1:80" without connecting.
//   - A blocked host fails with code EACCES (Node would connect); the
//     message names the host and the hosts allowed.
//   - url.parse is followed for http(s) URLs; Unicode host names are not
//     converted to punycode.
//   - console formats through internal/inspect, a port of Node's
//     util.inspect (TestDiffConsole); an Error prints its script frames as
//     Node does, without Node's own frames.
//   - Error messages, stacks and cb's err value are capped at 64 KiB and
//     request URLs at 8 KiB in a Result, marked "… [truncated N bytes]" (a
//     cut value becomes a JSON string).
//   - String.prototype.repeat, padStart, padEnd, Array.prototype.join and
//     JSON.stringify are wrapped (v8limits.go, docs/fidelity.md "goja"):
//     their toString shows JavaScript source, not "[native code]".
//   - The oauth shim's _prepareParameters returns the values it signs as
//     strings; node-oauth returns them raw (1, not "1").
//   - An unref'd timer still counts as pending work.
//   - The request module is a subset of request 2.88 (the callback API, url
//     or uri, method, headers, qs, body, form, json, followRedirect, baseUrl;
//     GET and HEAD redirects with a referer, at most 10). Its bytes on the
//     wire, qs and form encodings and callback arguments were compared with
//     request@2.88.2 under Node 22 and 18 (TestRequestModuleMatchesNode, with the
//     copy pinned in testdata/node22 and testdata/node18). As request does, it drops undefined
//     headers and hands http.request's errors (a bad header, path or method)
//     to the callback on a later tick, never throwing them. The auth option
//     ({bearer}, {user, pass}, {username, password}, sendImmediately: false
//     with the 401 retry) is request_auth.go, compared byte for byte with
//     request@2.88.2 under Node 22 and 18 (TestRequestAuthMatchesNode);
//     digest auth, gzip, oauth, jar, pipes and streams are not there.
package script
