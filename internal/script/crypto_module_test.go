package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCryptoMatchesNode hashes the same inputs with Node's crypto and the
// sandbox's, errors included.
func TestCryptoMatchesNode(t *testing.T) {
	src := `function(token, tokenSecret, ctx, cb) {
  var crypto = require('crypto');
  var thrown = function(f) { try { return f(); } catch (e) { return [e.name, e.code === undefined ? null : e.code, String(e)]; } };
  var inputs = [['md5', 'Fred@Example.com '.trim().toLowerCase(), undefined, 'hex'], ['sha1', 'é😀', undefined, 'base64'],
    ['sha256', 'x', 'utf8', 'base64url'], ['SHA512', 'abc', undefined, 'hex'], ['sha384', '', undefined, 'latin1'],
    ['sha224', 'é', 'latin1', 'hex'], ['sha256', '6869zz', 'hex', 'hex'], ['sha256', 'aGk=', 'base64', 'hex'],
    ['sha256', 'aG-_', 'base64url', 'hex'], ['sha256', 'abc', 'ucs2', 'hex'], ['md5', '\ud800', undefined, 'hex']];
  cb(null, {
    hashes: inputs.map(function(i) { return crypto.createHash(i[0]).update(i[1], i[2]).digest(i[3]); }),
    chained: crypto.createHash('sha256').update('a').update('b').digest('hex'),
    hmacs: [crypto.createHmac('sha256', 'key').update('msg').digest('hex'), crypto.createHmac('sha1', 'ké').update('m').digest('base64')],
    nodeScheme: require('node:crypto') === crypto,
    errors: [thrown(function() { crypto.createHash('md4x'); }), thrown(function() { crypto.createHash('md5').update(5); }),
      thrown(function() { var h = crypto.createHash('md5'); h.digest('hex'); h.digest('hex'); }),
      thrown(function() { var h = crypto.createHash('md5'); h.digest('hex'); h.update('x'); }),
      thrown(function() { crypto.createHmac('sha256'); })],
    uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID())
  });
}`
	want := nodeRunScript(t, src, Context{})
	got := shimRunScript(t, src, runOpts("http://127.0.0.1:1"))
	assert.JSONEq(t, want, got)
}

// TestCryptoDigestWithoutEncoding: Node returns a Buffer, which the sandbox
// lacks, so it says so instead of returning something else.
func TestCryptoDigestWithoutEncoding(t *testing.T) {
	res := run(t, compileJS(t, "function(token, tokenSecret, ctx, cb) {\n  cb(null, {d: require('crypto').createHash('md5').update('x').digest()});\n}"),
		runOpts("http://127.0.0.1:1"))
	// a Buffer, as in Node: in the profile it is its toJSON (md5('x') = 9dd4e461268c8034f5c8564e155c67a6)
	require.Equal(t, KindProfile, res.Outcome, "%+v", res.Error)
	assert.JSONEq(t, `{"d":{"type":"Buffer","data":[157,212,228,97,38,140,128,52,245,200,86,78,21,92,103,166]}}`, string(res.Profile))
}
