package jiramock

import (
	"crypto/rsa"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

// Consumer is an OAuth consumer registered with JIRA's application link: a
// consumer key, a display name and the RSA public key its RSA-SHA1 signatures
// are checked with (docs/jira.md "OAuth 1.0a provider"). keys.ParsePublicKey
// reads the PEM a user gives for it.
type Consumer struct {
	Key, Name string
	PublicKey *rsa.PublicKey
}

// DefaultConsumer is the consumer the mock trusts when none is configured:
// key bridge.DefaultConsumerKey with the public test key shipped in testdata/keys.
func DefaultConsumer() Consumer {
	pub, err := keys.ParsePublicKey(bridge.TestPublicKeyPEM, "testdata/keys/test.pub")
	if err != nil {
		panic("jiramock: the embedded test public key is broken: " + err.Error())
	}
	return Consumer{Key: bridge.DefaultConsumerKey, Name: "Auth0 (test consumer)", PublicKey: pub}
}
