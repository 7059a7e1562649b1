package jsonwebtoken

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"testing"

	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/nodediff"
)

// pemKeys returns a PEM private and public RSA key of bits.
func pemKeys(t *testing.T, bits int) (string, string) {
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatal(err)
	}
	priv := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)})
	der, _ := x509.MarshalPKIXPublicKey(&k.PublicKey)
	pub := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
	return string(priv), string(pub)
}

// prelude defines jwt, the keys and a token T (HS256, iat 1700000000,
// exp +1h, aud 'app', iss 'https://idp/') on both engines.
func prelude(t *testing.T) string {
	priv, pub := pemKeys(t, 2048)
	small, _ := pemKeys(t, 1024)
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	return "var jwt = require('jsonwebtoken'); var PRIV = " + q(priv) + "; var PUB = " + q(pub) +
		"; var SMALL = " + q(small) + "; var NOW = 1700000100;" +
		"var T = jwt.sign({ sub: 'u1', iat: 1700000000, aud: 'app', iss: 'https://idp/' }, 'sekret', { expiresIn: '1h' });" +
		"function err(f) { try { return f(); } catch (e) { return [e.name, e.message, e instanceof jwt.JsonWebTokenError, e.expiredAt || e.date || null]; } }"
}

var rows = []string{
	`T`,
	`jwt.decode(T)`,
	`jwt.decode(T, { complete: true })`,
	`jwt.decode('not a token')`,
	`jwt.decode('a.b')`,
	`jwt.decode('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.')`,
	`jwt.verify(T, 'sekret', { clockTimestamp: NOW })`,
	`jwt.verify(T, 'sekret', { clockTimestamp: NOW, complete: true }).header`,
	`err(function () { return jwt.verify(T, 'wrong', { clockTimestamp: NOW }); })`,
	`err(function () { return jwt.verify('', 'sekret'); })`,
	`err(function () { return jwt.verify('a.b', 'sekret'); })`,
	`err(function () { return jwt.verify(42, 'sekret'); })`,
	`err(function () { return jwt.verify('a.b.c', 'sekret'); })`,
	`err(function () { return jwt.verify(T, 'sekret', { clockTimestamp: 1700003600 }); })`,
	`err(function () { return jwt.verify(jwt.sign({ nbf: 1700009999, iat: 1 }, 's'), 's', { clockTimestamp: NOW }); })`,
	`err(function () { return jwt.verify(T, 'sekret', { clockTimestamp: NOW, audience: 'other' }); })`,
	`err(function () { return jwt.verify(T, 'sekret', { clockTimestamp: NOW, audience: ['x', /ap+/] }).sub; })`,
	`err(function () { return jwt.verify(T, 'sekret', { clockTimestamp: NOW, issuer: 'https://evil/' }); })`,
	`err(function () { return jwt.verify(T, 'sekret', { clockTimestamp: NOW, subject: 'u2' }); })`,
	`err(function () { return jwt.verify(T, 'sekret', { clockTimestamp: NOW, algorithms: ['RS256'] }); })`,
	`err(function () { return jwt.verify(T, PUB, { clockTimestamp: NOW }); })`,
	`err(function () { return jwt.verify(T, PUB, { clockTimestamp: NOW, algorithms: ['HS256'] }); })`,
	`err(function () { return jwt.verify(T, 'sekret', { clockTimestamp: NOW, maxAge: '1m' }); })`,
	`err(function () { return jwt.verify(T, 'sekret', { clockTimestamp: '1' }); })`,
	`err(function () { return jwt.verify(T, function (h, cb) { cb(null, 'sekret'); }); })`,
	`var r; jwt.verify(T, 'sekret', { clockTimestamp: NOW }, function (e, d) { r = [e, d.sub]; }); r`,
	`var r; jwt.verify(T, 'x', { clockTimestamp: NOW }, function (e, d) { r = [e.name, e.message, d]; }); r`,
	`var r; jwt.verify(T, function (h, cb) { cb(null, 'sekret'); }, { clockTimestamp: NOW }, function (e, d) { r = [e, h = d.iss]; }); r`,
	`var R = jwt.sign({ sub: 'r', iat: 1700000000 }, PRIV, { algorithm: 'RS256', keyid: 'k1' }); R`,
	`jwt.verify(jwt.sign({ sub: 'r', iat: 1 }, PRIV, { algorithm: 'RS256' }), PUB, { ignoreExpiration: true })`,
	`err(function () { return jwt.verify(jwt.sign({ sub: 'r', iat: 1 }, PRIV, { algorithm: 'RS256' }) + 'x', PUB); })`,
	`err(function () { return jwt.sign({ a: 1 }, ''); })`,
	`err(function () { return jwt.sign({ a: 1, iat: 1 }, 's', { expiresIn: 'soon' }); })`,
	`err(function () { return jwt.sign('hello', 's', { expiresIn: 60 }); })`,
	`jwt.sign('hello', 's')`,
	`err(function () { return jwt.sign({ a: 1 }, 's', { foo: 1 }); })`,
	`err(function () { return jwt.sign({ a: 1 }, 's', { algorithm: 'HS999' }); })`,
	`err(function () { return jwt.sign({ a: 1 }, SMALL, { algorithm: 'RS256' }); })`,
	`err(function () { return jwt.sign({ a: 1 }, 's', { algorithm: 'RS256' }); })`,
	`err(function () { return jwt.sign({ a: 1 }, PRIV); })`,
	`err(function () { return jwt.sign({ exp: 'x' }, 's'); })`,
	`jwt.sign({ a: 1, iat: 5 }, 's', { noTimestamp: true, audience: ['a', 'b'], issuer: 'i', subject: 's', jwtid: 'j', notBefore: 10 })`,
	`err(function () { return jwt.sign({ a: 1, exp: 5 }, 's', { expiresIn: 10 }); })`,
	`var e = new jwt.TokenExpiredError('m', new Date(0)); [e.name, e.message, e instanceof Error, e.expiredAt.toISOString(), Object.keys(e)]`,
}

func newVM(t *testing.T) func(string) *goja.Runtime {
	return func(string) *goja.Runtime {
		vm := goja.New()
		_ = vm.Set("require", func(name string) goja.Value {
			exports, err := Require(vm)
			if err != nil {
				t.Fatal(err)
			}
			return exports
		})
		return vm
	}
}

func TestDifferential(t *testing.T) {
	nodediff.Compare(t, prelude(t), newVM(t), rows)
}
