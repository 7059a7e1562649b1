package jiramock

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"

	"github.com/jira-auth0-bridge/bridge"
)

// Consumer is an OAuth consumer registered with JIRA's application link: a
// consumer key, a display name and the RSA public key its RSA-SHA1 signatures
// are checked with (docs/jira.md "OAuth 1.0a provider").
type Consumer struct {
	Key, Name string
	PublicKey *rsa.PublicKey
}

// ParsePublicKey reads an RSA public key in PEM: "PUBLIC KEY" (PKIX, as
// `openssl rsa -pubout` writes it) or "RSA PUBLIC KEY" (PKCS#1).
func ParsePublicKey(pemBytes []byte) (*rsa.PublicKey, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, errors.New("jiramock: no PEM block found: expected -----BEGIN PUBLIC KEY----- (openssl rsa -pubout) or -----BEGIN RSA PUBLIC KEY-----")
	}
	switch block.Type {
	case "PUBLIC KEY":
		k, err := x509.ParsePKIXPublicKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("jiramock: bad PUBLIC KEY: %w", err)
		}
		pub, ok := k.(*rsa.PublicKey)
		if !ok {
			return nil, fmt.Errorf("jiramock: PUBLIC KEY is %T, not RSA: JIRA's OAuth needs an RSA key", k)
		}
		return pub, nil
	case "RSA PUBLIC KEY":
		pub, err := x509.ParsePKCS1PublicKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("jiramock: bad RSA PUBLIC KEY: %w", err)
		}
		return pub, nil
	case "PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY":
		return nil, fmt.Errorf("jiramock: this is a %s, not a public key: give the public half (openssl rsa -in key.pem -pubout)", block.Type)
	}
	return nil, fmt.Errorf("jiramock: PEM block %q is not a public key: expected PUBLIC KEY or RSA PUBLIC KEY", block.Type)
}

// DefaultConsumer is the consumer the mock trusts when none is configured:
// key bridge.DefaultConsumerKey with the public test key shipped in testdata/keys.
func DefaultConsumer() Consumer {
	pub, err := ParsePublicKey(bridge.TestPublicKeyPEM)
	if err != nil {
		panic("jiramock: the embedded test public key is broken: " + err.Error())
	}
	return Consumer{Key: bridge.DefaultConsumerKey, Name: "Auth0 (test consumer)", PublicKey: pub}
}
