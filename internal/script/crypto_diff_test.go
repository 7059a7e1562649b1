package script

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cryptoRows are require('crypto') calls; K is testdata/keys/test.key (PKCS#8),
// P its public key. Each runs under real Node 22 and Node 18 and in the
// sandbox (RSA PKCS#1 v1.5 signatures are deterministic, so they compare
// byte for byte).
var cryptoRows = []struct{ name, body string }{
	{"hash digest buffer", `var d = c.createHash('sha256').update('abc').digest(); return [Buffer.isBuffer(d), d.length, d.toString('hex')]`},
	{"hash update encodings", `return ['hex', 'base64', 'base64url', 'ucs2', 'utf-16le', 'latin1', 'binary', 'ascii', 'UTF-8'].map(function(e) {
	  return c.createHash('sha1').update('aé-_4+/=x\u2713', e).update('12zz', e).digest('hex'); })`},
	{"hash update buffer", `return c.createHash('md5').update(Buffer.from('é')).update('x', 'latin1').digest('hex')`},
	{"hmac buffer key", `return c.createHmac('sha256', Buffer.from('k')).update('a').digest('base64')`},
	{"hash update number", `return c.createHash('sha256').update(5)`},
	{"hash digest unknown encoding", `return c.createHash('sha1').update('a').digest('nope').toJSON()`},
	{"sign rsa-sha1", `return c.createSign('RSA-SHA1').update('base string').sign(K, 'base64')`},
	{"sign rsa-sha256 hex", `return c.createSign('RSA-SHA256').update('a').update('b').sign(K, 'hex')`},
	{"sign sha256 buffer", `var s = c.createSign('sha256').update('x').sign({key: K}); return [Buffer.isBuffer(s), s.length]`},
	{"verify public", `var s = c.createSign('RSA-SHA256').update('x').sign(K, 'base64');
	  return [c.createVerify('RSA-SHA256').update('x').verify(P, s, 'base64'), c.createVerify('sha256').update('y').verify(P, s, 'base64')]`},
	{"verify with private key and buffer", `var s = c.createSign('sha1').update('x').sign(K); return c.createVerify('RSA-SHA1').update('x').verify(K, s)`},
	{"sign invalid digest", `return c.createSign('nope')`},
	{"sign bad key", `return c.createSign('RSA-SHA256').update('x').sign('not a key')`},
	{"sign no key", `return c.createSign('RSA-SHA256').update('x').sign()`},
	{"verify bad key", `return c.createVerify('sha256').update('x').verify('not a key', 'abc', 'base64')`},
	{"randomBytes sync", `var b = c.randomBytes(16); return [Buffer.isBuffer(b), b.length, c.randomBytes(0).length]`},
	{"randomBytes callback", `return await new Promise(function(res) { var sync = true; c.randomBytes(8, function(err, b) { res([err, b.length, Buffer.isBuffer(b), sync]); }); sync = false; })`},
	{"randomBytes bad size", `return c.randomBytes('a')`},
	{"randomBytes negative", `return c.randomBytes(-1)`},
	{"randomBytes bad callback", `return c.randomBytes(4, 5)`},
	{"timingSafeEqual", `return [c.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')), c.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')), c.timingSafeEqual(new Uint8Array([1]), Buffer.from([1]))]`},
	{"timingSafeEqual length", `return c.timingSafeEqual(Buffer.from('a'), Buffer.from('ab'))`},
	{"timingSafeEqual strings", `return c.timingSafeEqual('a', 'b')`},
	{"randomUUID", `var u = c.randomUUID(); return [/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u), u !== c.randomUUID()]`},
}

func TestCryptoModuleMatchesNode(t *testing.T) {
	nodes := refNodes(t)
	key, err := os.ReadFile("../../testdata/keys/test.key")
	require.NoError(t, err)
	pub, err := os.ReadFile("../../testdata/keys/test.pub")
	require.NoError(t, err)
	k, _ := json.Marshal(string(key))
	p, _ := json.Marshal(string(pub))
	dir := t.TempDir()
	driver := filepath.Join(dir, "driver.js")
	require.NoError(t, os.WriteFile(driver, []byte(diffDriver), 0o600))
	for _, n := range nodes {
		for _, row := range cryptoRows {
			t.Run(n.runtime+"/"+row.name, func(t *testing.T) {
				src := diffScript("var c = require('crypto'), K = " + string(k) + ", P = " + string(p) + ";\n" + row.body)
				file := filepath.Join(dir, "row.js")
				require.NoError(t, os.WriteFile(file, []byte(src), 0o600))
				want := n.runFile(t, driver, file)
				res := run(t, compileJS(t, src), Options{Runtime: n.runtime})
				require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
				var w, g any
				require.NoError(t, json.Unmarshal(want, &w), string(want))
				require.NoError(t, json.Unmarshal(res.Profile, &g))
				assert.Equal(t, w, g, strings.TrimSpace(string(want)))
			})
		}
	}
}
