package script

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/nodediff"
	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// diffRow is one differential row: a function body that returns a JSON
// value (or a promise of one), or throws. Each runtime's sandbox must match
// that runtime's Node (where the Nodes differ, as for JSON.parse's messages
// or the built-ins Node 18 lacks, each side is compared with its own).
type diffRow struct{ name, body string }

// diffRows cover the globals and modules a fetchUserProfile script uses
// under Auth0's node22 and node18 (docs/auth0.md "Runtimes"): util,
// querystring, url, jsonwebtoken@9.0.2, crypto, the built-ins internal/polyfill
// provides or removes, and V8's error texts through catch.
var diffRows = []diffRow{
	// util
	{"util.format %s %d %i %f", `return require('util').format('%s=%d %i %f %%', 'a', 42.5, 42.5, '1.5')`},
	{"util.format %j", `return require('util').format('%j', {a: [1, 'x']})`},
	{"util.format extra args", `return require('util').format('a', 1, {b: 2}, [3], null, undefined)`},
	{"util.inspect object", `return require('util').inspect({a: 1, b: 'x', c: [1, 2], d: {e: null}})`},
	{"util.inspect depth", `return require('util').inspect({a: {b: {c: {d: {e: 1}}}}})`},
	{"util.inspect string", `return require('util').inspect("it's")`},
	{"util.inspect map set", `return require('util').inspect([new Map([['k', 1]]), new Set([1, 'a'])])`},
	{"util.inspect long array", `return require('util').inspect(Array.from({length: 120}, (_, i) => i))`},
	{"util.inspect nested arrays", `return require('util').inspect([[1, [2, [3, [4]]]], {}, []])`},
	{"util.inspect class and date", `class A { constructor() { this.x = 1 } }; return require('util').inspect([new A(), new Date(0)])`},
	{"util.promisify", `const f = (a, cb) => cb(null, a * 2); return require('util').promisify(f)(21)`},
	{"util.promisify error", `const f = (cb) => cb(new TypeError('nope')); return require('util').promisify(f)()`},
	// querystring
	{"querystring.stringify", `return require('querystring').stringify({a: 1, b: [1, 2], c: 'x y&z', d: ''})`},
	{"querystring.parse", `return require('querystring').parse('a=1&b=2&b=3&c=x%20y&d')`},
	{"querystring.parse plus", `return require('querystring').parse('q=a+b&r=%E2%82%AC')`},
	{"querystring sep eq", `return require('querystring').stringify({a: 1, b: 2}, ';', ':')`},
	{"querystring.escape unescape", `const qs = require('querystring'); return [qs.escape("a b&c/é*'"), qs.unescape('%41%20b')]`},
	// url
	{"url.parse", `return require('url').parse('https://u:p@jira.example.com:8443/a/b?x=1&y=2#h')`},
	{"url.parse query", `return require('url').parse('http://a.com/p?x=1&x=2&y=', true).query`},
	{"url.parse relative", `return require('url').parse('/rest/api/2/myself?expand=groups')`},
	{"url.format object", `return require('url').format({protocol: 'https', host: 'a.com', pathname: '/x y', query: {a: 1, b: 'c d'}})`},
	{"url.format parsed", `const u = require('url'); return u.format(u.parse('HTTP://A.com:80/a/../b?c#d'))`},
	{"url.resolve", `const u = require('url'); return [u.resolve('http://a/b/c/d', '../e'), u.resolve('http://a/b', '/f'), u.resolve('http://a/', 'https://z/')]`},
	// jsonwebtoken
	{"jwt.sign HS256", `return require('jsonwebtoken').sign({sub: 'u1', name: 'J D'}, 'secret', {noTimestamp: true})`},
	{"jwt.sign options", `return require('jsonwebtoken').sign({sub: 'u1'}, 'secret', {noTimestamp: true, issuer: 'i', audience: 'a', keyid: 'k'})`},
	{"jwt.decode", `const j = require('jsonwebtoken'); return j.decode(j.sign({sub: 'u1', n: 1}, 's', {noTimestamp: true}))`},
	{"jwt.decode complete", `const j = require('jsonwebtoken'); return j.decode(j.sign({sub: 'u1'}, 's', {noTimestamp: true}), {complete: true})`},
	{"jwt.decode garbage", `return require('jsonwebtoken').decode('not a token')`},
	{"jwt.verify", `const j = require('jsonwebtoken'); return j.verify(j.sign({sub: 'u1'}, 's', {noTimestamp: true}), 's')`},
	{"jwt.verify wrong secret", `const j = require('jsonwebtoken'); return j.verify(j.sign({sub: 'u1'}, 's', {noTimestamp: true}), 'other')`},
	{"jwt.verify expired", `const j = require('jsonwebtoken'); return j.verify(j.sign({sub: 'u1', exp: 1}, 's'), 's')`},
	{"jwt.verify malformed", `return require('jsonwebtoken').verify('a.b', 's')`},
	{"jwt.verify audience", `const j = require('jsonwebtoken'); return j.verify(j.sign({aud: 'x'}, 's', {noTimestamp: true}), 's', {audience: 'y'})`},
	{"jwt.verify issuer", `const j = require('jsonwebtoken'); return j.verify(j.sign({iss: 'x'}, 's', {noTimestamp: true}), 's', {issuer: 'y'})`},
	{"jwt.verify alg none", `const j = require('jsonwebtoken'); return j.verify('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1In0.', 's')`},
	{"jwt.verify callback", `const j = require('jsonwebtoken'); return new Promise((ok, no) => j.verify(j.sign({a: 1}, 's', {noTimestamp: true}), 's', (e, p) => e ? no(e) : ok(p)))`},
	{"jwt.sign RS256", `return require('jsonwebtoken').sign({sub: 'u'}, ` + "`" + `PRIVATE_KEY` + "`" + `, {algorithm: 'RS256', noTimestamp: true})`},
	// crypto
	{"crypto sha256 hex", `return require('crypto').createHash('sha256').update('abc').digest('hex')`},
	{"crypto hmac sha1 base64", `return require('crypto').createHmac('sha1', 'key').update('data').digest('base64')`},
	{"crypto node: scheme", `return require('node:crypto').createHash('md5').update('x').digest('hex')`},
	{"crypto randomUUID shape", `return /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(require('crypto').randomUUID())`},
	// Node globals
	{"Buffer base64 JWT payload", `return JSON.parse(Buffer.from('eyJzdWIiOiJ1MSIsIm4iOiLDqSJ9', 'base64').toString('utf8'))`},
	{"Buffer encodings", `const b = Buffer.from('héllo'); return [b.toString('hex'), b.toString('base64'), b.toString('base64url'), b.toString('latin1'), b.length]`},
	{"Buffer concat toJSON", `return Buffer.concat([Buffer.from([1, 2]), Buffer.alloc(2)]).toJSON()`},
	{"Buffer byteLength isBuffer", `return [Buffer.byteLength('é€'), Buffer.isBuffer(Buffer.from('')), Buffer.isBuffer('x')]`},
	{"URL", `const u = new URL('/rest/api/2/myself?a=1#h', 'https://jira.example.com:8443/x/'); return [u.href, u.origin, u.pathname, u.searchParams.get('a'), u.port]`},
	{"URL invalid", `return new URL('not a url').href`},
	{"URLSearchParams", `const p = new URLSearchParams({a: '1 2', b: 'é&'}); p.append('a', '3'); return [p.toString(), p.getAll('a')]`},
	{"TextEncoder TextDecoder", `return [Array.from(new TextEncoder().encode('é')), new TextDecoder().decode(new Uint8Array([0xe2, 0x82, 0xac]))]`},
	{"atob btoa", `return [btoa('user:pass'), atob('dXNlcjpwYXNz')]`},
	{"structuredClone", `const o = {a: [1, {b: new Date(0)}]}; const c = structuredClone(o); return [c.a[1].b.toISOString(), c !== o]`},
	{"globals by runtime", `return [typeof fetch, typeof Headers, typeof AbortController, typeof Response]`},
	{"Headers", `const h = new Headers({'X-A': '1'}); h.append('x-a', '2'); return [h.get('x-A'), h.has('X-B')]`},
	{"crypto randomBytes", `return require('crypto').randomBytes(16).length`},
	// built-ins: what internal/polyfill provides (node22) or removes (node18)
	{"Object.groupBy", `return typeof Object.groupBy === 'function' ? Object.groupBy([1, 2, 3], x => x % 2 ? 'odd' : 'even') : 'absent'`},
	{"Map.groupBy", `return typeof Map.groupBy === 'function' ? [...Map.groupBy([1, 2, 3], x => x > 1)] : 'absent'`},
	{"Promise.withResolvers", `if (typeof Promise.withResolvers !== 'function') return 'absent'; const r = Promise.withResolvers(); r.resolve(7); return r.promise`},
	{"toSorted toReversed with", `const a = [3, 1, 2]; return typeof a.toSorted === 'function' ? [a.toSorted(), a.toReversed(), a.with(0, 9), a] : 'absent'`},
	{"findLast", `return [1, 2, 3, 4].findLast(x => x % 2) + ':' + [1, 2, 3, 4].findLastIndex(x => x % 2)`},
	{"isWellFormed", `return typeof ''.isWellFormed === 'function' ? ['a\uD800'.isWellFormed(), 'ab'.isWellFormed(), 'a\uD800'.toWellFormed()] : 'absent'`},
	{"Set methods", `const s = new Set([1, 2]); return typeof s.union === 'function' ? [...s.union(new Set([3]))] : 'absent'`},
	{"Array.prototype.at", `return [[1, 2, 3].at(-1), 'abc'.at(-1)]`},
	{"Object.hasOwn", `return [Object.hasOwn({a: 1}, 'a'), Object.hasOwn({}, 'toString')]`},
	{"Error cause", `const e = new Error('outer', {cause: 'inner'}); return [e.cause, 'cause' in new Error('x')]`},
	{"toLocaleString default", `return [1234567.891, 0.0005, -1e21, 1.0005].map(n => n.toLocaleString())`},
	{"toLocaleString fraction digits", `return [1, 2.5, 1234.5678].map(n => n.toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2}))`},
	{"replaceAll", `return 'a-b-c'.replaceAll('-', '+')`},
	// V8's messages through catch (internal/v8)
	{"JSON.parse html", `return JSON.parse('<!DOCTYPE html><html><body>Proxy</body></html>')`},
	{"JSON.parse positioned", `return JSON.parse('{"a":1 "b":2}')`},
	{"JSON.parse multi-line", `return JSON.parse('{\n  "a": 1,\n  "b": }')`},
	{"JSON.parse trailing", `return JSON.parse('{"a":1}}')`},
	{"JSON.parse empty", `return JSON.parse('')`},
	{"JSON.parse unterminated", `return JSON.parse('{"self":"https://jira')`},
	{"read undefined", `const json = {}; return json.fields.email`},
	{"read index of undefined", `const json = {}; return json.avatarUrls['48x48']`},
	{"method on undefined", `const json = {}; return json.emailAddress.toLowerCase()`},
	{"not a function", `const json = {}; return json.getName()`},
	{"set on undefined", `const p = {}; p.name.first = 'x'`},
	{"not iterable", `const json = {}; for (const g of json.groups) {} return 1`},
	{"spread not iterable", `let u; return [...u]`},
	{"destructure undefined", `const json = {}; const {name} = json.user; return name`},
	{"not a constructor", `const o = {}; return new o.Client()`},
	{"undefined variable", `return profileData.id`},
	{"URI malformed", `return decodeURIComponent('%E0%A4%A')`},
}

// TestDiffTable runs every diffRow through the full sandbox (Program.Run,
// Options.Runtime set) and through the real Node of the same runtime, with
// the same script text, and compares each outcome: the same JSON value, or
// the same error name and message.
func TestDiffTable(t *testing.T) {
	require.GreaterOrEqual(t, len(diffRows), 60)
	src := diffTableScript()
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		{
			out := nodediff.Run(t, rt, `const fn = (0, eval)('(' + `+jsString(src)+` + '\n)');
fn('tok', 'secret', {}, function (err, p) { console.log(JSON.stringify(err ? {err: String(err)} : p.out)); });`)
			var want []json.RawMessage
			require.NoError(t, json.Unmarshal([]byte(out), &want), out)
			require.Len(t, want, len(diffRows))

			opts := runOpts("http://127.0.0.1:1")
			opts.Runtime = rt.Name
			res := run(t, compileJS(t, src), opts)
			require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
			var got struct{ Out []json.RawMessage }
			require.NoError(t, json.Unmarshal(res.Profile, &got))
			require.Len(t, got.Out, len(diffRows))
			for i, row := range diffRows {
				assert.JSONEq(t, string(want[i]), string(got.Out[i]), "row %q", row.name)
			}
		}
	})
}

// diffTableScript is one fetchUserProfile script holding every row as a function
// of its own (so that V8's call and property texts are read from the script,
// as for a real one) and a driver that calls them in turn, awaiting promises.
func diffTableScript() string {
	key := strings.TrimSpace(string(bridge.TestPrivateKeyPEM))
	var b strings.Builder
	b.WriteString("function(token, tokenSecret, ctx, cb) {\n  var rows = [\n")
	for _, r := range diffRows {
		b.WriteString("    function() { " + strings.ReplaceAll(r.body, "PRIVATE_KEY", key) + "\n    },\n")
	}
	b.WriteString(`  ];
  var out = [];
  function fail(e) { return {error: {name: String(e && e.name), message: String(e && e.message)}}; }
  function next(i) {
    if (i === rows.length) return cb(null, {user_id: 'diff', out: out});
    var r;
    try { r = rows[i](); } catch (e) { out.push(fail(e)); return next(i + 1); }
    Promise.resolve(r).then(function(v) {
      out.push(v === undefined ? {undefined: true} : {value: JSON.parse(JSON.stringify(v))}); next(i + 1);
    }, function(e) { out.push(fail(e)); next(i + 1); });
  }
  next(0);
}`)
	return b.String()
}

// jsString is s as a JS string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// consoleRows are console.log argument lists; the sandbox's console lines
// must read as Node's stdout (internal/inspect).
var consoleRows = []string{
	`'user', {id: 1, name: 'J D', groups: ['a', 'b']}`,
	`[1, 2, 3]`, `'%s has %d groups', 'jd', 2`, `{a: {b: {c: {d: 1}}}}`, `null, undefined, true, 1.5, -0`,
	`new Map([['a', 1]]), new Set(['x'])`, `'%j', {a: [1]}`, `function named() {}, () => 1`, `{'key-with-dash': 1, valid_id: 2}`,
	`'a\nb', ['a\nb']`, `{s: "it's"}`, `Array.from({length: 30}, (_, i) => 'item' + i)`, `new Date(0)`, `Symbol('s'), 10n`,
}

// TestDiffConsole logs every consoleRows list in the sandbox and under the
// real Node of each runtime, and compares the lines.
func TestDiffConsole(t *testing.T) {
	var b strings.Builder
	b.WriteString("function(token, tokenSecret, ctx, cb) {\n")
	for _, r := range consoleRows {
		b.WriteString("  console.log(" + r + ");\n")
	}
	b.WriteString("  cb(null, {user_id: 'c'});\n}")
	src := b.String()
	testenv.ForEachNode(t, func(t *testing.T, rt testenv.Runtime) {
		{
			want := nodediff.Run(t, rt, `(0, eval)('(' + `+jsString(src)+` + '\n)')('t', 's', {}, function () {});`)
			opts := runOpts("http://127.0.0.1:1")
			opts.Runtime = rt.Name
			res := run(t, compileJS(t, src), opts)
			require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
			var got strings.Builder
			for _, l := range res.Console {
				got.WriteString(l.Text + "\n")
			}
			assert.Equal(t, want, got.String())
		}
	})
}

// TestConsoleErrorFrames: console.log of an Error, alone or inside an object,
// prints the stack as Node does (checked by hand against node22 and node18 on
// the same script run as a file: the script's frames read "at f
// (test.js:2:30)", then Node's own frames, which the sandbox has not).
func TestConsoleErrorFrames(t *testing.T) {
	res := run(t, compileJS(t, "function(token, tokenSecret, ctx, cb) {\n  function f() { console.log(new Error('boom')); console.log({e: new TypeError('t')}); }\n  f();\n  cb(null, {user_id: 'x'});\n}"), runOpts("http://127.0.0.1:1"))
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	require.Len(t, res.Console, 2)
	assert.Equal(t, "Error: boom\n    at f (test.js:2:30)\n    at test.js:3:3", res.Console[0].Text)
	assert.Equal(t, "{\n  e: TypeError: t\n      at f (test.js:2:66)\n      at test.js:3:3\n}", res.Console[1].Text)
}
