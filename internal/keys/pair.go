package keys

import (
	"crypto/rsa"
	"sync"

	"github.com/jira-auth0-bridge/bridge"
)

// Matches reports whether pub is the public half of priv: whether JIRA, given
// pub, accepts the signatures made with priv.
func Matches(priv *rsa.PrivateKey, pub *rsa.PublicKey) bool {
	if priv == nil || pub == nil {
		return false
	}
	return priv.PublicKey.Equal(pub)
}

var testKey = sync.OnceValue(func() *rsa.PublicKey {
	pub, err := ParsePublicKey(bridge.TestPublicKeyPEM, "testdata/keys/test.pub")
	if err != nil {
		panic(err) // the embedded file is part of the build
	}
	return pub
})

// IsTestKey reports whether priv is the key pair shipped in testdata/keys,
// bridge.TestPublicKeyPEM. That pair is public, so anyone could sign as a
// consumer that trusts it: it must never be published.
func IsTestKey(priv *rsa.PrivateKey) bool {
	return Matches(priv, testKey())
}
