package script

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// globalRows are the differential rows of the Node globals: each body runs
// as an async function under real Node 22 and Node 18 and in the sandbox
// with the matching Runtime; the value it returns (as JSON), or the error's
// name, message and code, must be the same.
var globalRows = []struct{ name, body string }{
	// Buffer
	{"buffer utf8 hex base64", `var b = Buffer.from('héllo ✓'); return [b.length, b.toString('hex'), b.toString('base64'), b.toString()]`},
	{"buffer base64url", `return [Buffer.from([250, 251, 252, 253, 254, 255]).toString('base64url'), Buffer.from('-_-_', 'base64url').toString('hex')]`},
	{"buffer jwt payload", `var p = 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkrDtmhuIiwiaWF0IjoxNTE2MjM5MDIyfQ'; return JSON.parse(Buffer.from(p, 'base64').toString())`},
	{"buffer base64 loose", `return [Buffer.from('aGk=\n aGk', 'base64').toString(), Buffer.from('YQ', 'base64').toString(), Buffer.from('Y', 'base64').length]`},
	{"buffer latin1 binary ascii", `var b = Buffer.from('ÿé\u0100a', 'latin1'); return [b.toString('hex'), b.toString('binary'), b.toString('ascii'), Buffer.from('é', 'ascii').toString('hex')]`},
	{"buffer hex odd and invalid", `return [Buffer.from('abc', 'hex').toString('hex'), Buffer.from('12zz34', 'hex').toString('hex')]`},
	{"buffer encoding case", `return [Buffer.from('hi', 'UTF-8').toString('HEX'), Buffer.isEncoding('Latin1'), Buffer.isEncoding('nope')]`},
	{"buffer unknown encoding", `return Buffer.from('x').toString('nope')`},
	{"buffer from unknown encoding", `return Buffer.from('x', 'nope')`},
	{"buffer toJSON", `return JSON.stringify({b: Buffer.from('hi')})`},
	{"buffer alloc fill", `return [Buffer.alloc(3).toString('hex'), Buffer.alloc(4, 'ab').toString(), Buffer.alloc(2, 255).toString('hex')]`},
	{"buffer concat", `return Buffer.concat([Buffer.from('a'), Buffer.from('bc')]).toString()`},
	{"buffer byteLength", `return [Buffer.byteLength('✓é'), Buffer.byteLength('aGk=', 'base64'), Buffer.byteLength(Buffer.alloc(5)), Buffer.byteLength('ab', 'hex')]`},
	{"buffer isBuffer", `return [Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('x'), Buffer.from('x') instanceof Uint8Array]`},
	{"buffer toString range", `return [Buffer.from('hello').toString('utf8', 1, 3), Buffer.from('hello').toString('utf8', -1, 99), Buffer.from('hello').toString(undefined, 4, 2)]`},
	{"buffer invalid utf8", `return Buffer.from([0x61, 0xff, 0x62]).toString()`},
	{"buffer from array and equals", `return [Buffer.from([104, 105]).toString(), Buffer.from('a').equals(Buffer.from('a'))]`},
	// URL, URLSearchParams
	{"url parts", `var u = new URL('https://user:pw@Jira.Example.com:8443/a/../b c?x=1&y=ü#h'); return [u.href, u.origin, u.host, u.pathname, u.search, u.hash, u.username]`},
	{"url relative", `return new URL('../x?y', 'https://jira.example.com/a/b/c').href`},
	{"url searchParams", `var u = new URL('https://e.com/?a=1&b=x+y&a=2'); u.searchParams.append('c', 'd e'); return [u.searchParams.get('b'), u.searchParams.getAll('a'), u.href]`},
	{"url invalid", `return new URL('not a url')`},
	{"urlsearchparams object", `return new URLSearchParams({a: '1', b: 'x&y'}).toString()`},
	{"urlsearchparams string", `var p = new URLSearchParams('?a=1&a=2&b=%20'); p.sort(); return [p.toString(), p.has('b'), Array.from(p.keys())]`},
	// TextEncoder, TextDecoder
	{"textencoder", `var e = new TextEncoder(); return [e.encoding, Array.from(e.encode('é✓')), e.encode().length]`},
	{"textdecoder", `var d = new TextDecoder(); return [d.encoding, d.decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x68, 0xc3, 0xa9])), d.decode(new Uint8Array([0x61, 0xff]).buffer)]`},
	{"textdecoder fatal", `return new TextDecoder('utf-8', {fatal: true}).decode(new Uint8Array([0xff]))`},
	{"textdecoder bad input", `return new TextDecoder().decode('abc')`},
	// atob, btoa
	{"atob btoa", `return [btoa('hi ÿ'), atob('aGkg/w=='), atob(' aG k ')]`},
	{"atob invalid", `return atob('a')`},
	{"btoa invalid", `return btoa('✓')`},
	// structuredClone
	{"structuredClone deep", `var d = new Date(0); var o = {a: [1, {b: 2}], d: d, m: new Map([[1, 'x']]), s: new Set([1])}; o.self = o; var c = structuredClone(o);
	  return [c !== o, c.self === c, c.a[1].b, c.d instanceof Date, c.d.getTime(), c.m.get(1), c.s.has(1), c.d !== d]`},
	{"structuredClone class", `class A { constructor() { this.x = 1; } get y() { return 2; } } var c = structuredClone(new A()); return [c instanceof A, c.x, c.y, Object.getPrototypeOf(c) === Object.prototype]`},
	{"structuredClone function", `return structuredClone({f: function f() {}})`},
	{"structuredClone symbol", `return structuredClone(Symbol('x'))`},
	{"structuredClone missing", `return structuredClone()`},
	{"structuredClone error", `var e = structuredClone(new RangeError('r')); return [e instanceof RangeError, e.message, e.name]`},
	// queueMicrotask, setImmediate
	{"microtask and immediate order", `var o = []; setImmediate(function() { o.push('immediate'); });
	  queueMicrotask(function() { o.push('micro'); }); Promise.resolve().then(function() { o.push('then'); }); o.push('sync');
	  await new Promise(function(r) { setTimeout(r, 20); }); return o`},
	{"queueMicrotask bad", `return queueMicrotask(1)`},
	// Globals installed on first use (lazy_global.go): enumerability,
	// and what a script does to one before it is used
	{"globals enumerable", `var names = ['fetch', 'Headers', 'Response', 'AbortController', 'AbortSignal', 'Buffer', 'URL', 'URLSearchParams',
	  'TextEncoder', 'TextDecoder', 'structuredClone']; var keys = Object.keys(globalThis);
	  return names.filter(function(k) { return keys.indexOf(k) >= 0; })`},
	{"globals enumerable after use", `var f = fetch, h = Headers, b = Buffer, u = URL; var keys = Object.keys(globalThis);
	  return [typeof f, typeof h, typeof b, typeof u, keys.indexOf('fetch') >= 0, keys.indexOf('Headers') >= 0, keys.indexOf('Buffer') >= 0, keys.indexOf('URL') >= 0]`},
	// (not Buffer or TextEncoder: Node's own console.log needs them)
	{"globals assigned before use", `structuredClone = 1; URLSearchParams = 2; Headers = 3;
	  return [structuredClone, URLSearchParams, Headers, typeof TextDecoder, typeof URL, new URL('https://a.b/c?d=1').pathname, typeof fetch, typeof Response]`},
	{"globals deleted before use", `delete globalThis.TextDecoder; delete globalThis.AbortSignal;
	  return [typeof TextDecoder, typeof TextEncoder, new TextEncoder().encode('a').length, typeof AbortSignal, typeof AbortController]`},
	{"globals redefined before use", `Object.defineProperty(globalThis, 'structuredClone', {value: 7, enumerable: false, configurable: true, writable: false});
	  return [structuredClone, Object.keys(globalThis).indexOf('structuredClone'), typeof Buffer.from]`},
	{"globals frozen before use", `Object.freeze(globalThis); return [typeof Buffer, Buffer.from('hi').toString('hex'), typeof URL]`},
	// typeof of every global, per runtime
	{"typeofs", `return [typeof Buffer, typeof URL, typeof URLSearchParams, typeof TextEncoder, typeof TextDecoder, typeof atob,
	  typeof structuredClone, typeof queueMicrotask, typeof setImmediate, typeof crypto]`},
}

// webCryptoRows run on node22 only; on node18 they are ReferenceErrors both ways.
var webCryptoRows = []struct{ name, body string }{
	{"crypto randomUUID", `var u = crypto.randomUUID(); return [typeof u, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u), u !== crypto.randomUUID()]`},
	{"crypto getRandomValues", `var a = new Uint8Array(32); var r = crypto.getRandomValues(a); return [r === a, a.some(function(x) { return x !== 0; })]`},
	{"crypto getRandomValues float", `return crypto.getRandomValues(new Float32Array(2))`},
	{"crypto getRandomValues too big", `return crypto.getRandomValues(new Uint8Array(65537))`},
	{"crypto getRandomValues none", `return crypto.getRandomValues()`},
	{"crypto subtle digest", `var b = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')); return [Object.prototype.toString.call(b), Buffer.from(b).toString('hex')]`},
	{"crypto subtle digest sha1 object", `var b = await crypto.subtle.digest({name: 'sha-1'}, Buffer.from('abc')); return Buffer.from(b).toString('base64')`},
	{"crypto subtle digest md5", `return await crypto.subtle.digest('MD5', new Uint8Array(1))`},
	{"crypto subtle digest string", `return await crypto.subtle.digest('SHA-256', 'abc')`},
}

// diffScript wraps a row body as a fetchUserProfile whose profile is the
// outcome.
func diffScript(body string) string {
	return `function(token, tokenSecret, ctx, cb) {
  (async function() {
` + body + `
  })().then(function(v) { cb(null, {v: v === undefined ? '__undefined__' : v}); },
    function(e) { cb(null, {err: String(e && e.name) + ': ' + String(e && e.message), code: e && e.code !== undefined ? e.code : null}); });
}`
}

// diffDriver runs a script file's function as Auth0 would call it and
// prints the profile. It runs from a file, not node -e, so that Node's
// built-in modules are not globals (as they are under -e).
const diffDriver = `const src = require('fs').readFileSync(process.argv[2], 'utf8');
globalThis.require = require; // the script's require, as Auth0 gives it one
(0, eval)('(' + src + '\n)')('t', 's', {}, function (err, p) { console.log(JSON.stringify(err ? {cbErr: String(err)} : p)); });
`

// runDiffRows runs rows under each real Node and in the sandbox.
func runDiffRows(t *testing.T, rows []struct{ name, body string }, only string) {
	nodes := refNodes(t)
	dir := t.TempDir()
	driver := filepath.Join(dir, "driver.js")
	require.NoError(t, os.WriteFile(driver, []byte(diffDriver), 0o600))
	for _, n := range nodes {
		if only != "" && n.runtime != only {
			continue
		}
		for i, row := range rows {
			t.Run(n.runtime+"/"+row.name, func(t *testing.T) {
				src := diffScript(row.body)
				file := filepath.Join(dir, n.runtime+"-"+string(rune('a'+i%26))+".js")
				require.NoError(t, os.WriteFile(file, []byte(src), 0o600))
				want := n.runFile(t, driver, file)
				res := run(t, compileJS(t, src), Options{Runtime: n.runtime, AllowedHosts: []string{"127.0.0.1"}})
				require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
				var w, g any
				require.NoError(t, json.Unmarshal(want, &w), string(want))
				require.NoError(t, json.Unmarshal(res.Profile, &g))
				assert.Equal(t, w, g)
			})
		}
	}
}

func TestGlobalsMatchNode(t *testing.T) { runDiffRows(t, globalRows, "") }

func TestWebCryptoMatchesNode22(t *testing.T) { runDiffRows(t, webCryptoRows, RuntimeNode22) }
