package keys

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
)

// MaxBits bounds Generate: bigger keys take minutes to make and slow every
// signature for no gain.
const MaxBits = 8192

// Generate makes a new RSA private key of bits bits (MinBits..MaxBits), the
// pair of the Auth0 JIRA guide's step 1 (`openssl genrsa -out EXAMPLE.key 2048`).
func Generate(bits int) (*rsa.PrivateKey, error) {
	if bits < MinBits {
		return nil, fmt.Errorf("keys: %d bits: %w; choose at least %d (2048 is what the Auth0 guide uses)", bits, ErrTooSmall, MinBits)
	}
	if bits > MaxBits {
		return nil, fmt.Errorf("keys: %d bits: %w (more than %d); choose %d to %d (2048 is what the Auth0 guide uses)", bits, ErrTooLarge, MaxBits, MinBits, MaxBits)
	}
	key, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		return nil, fmt.Errorf("keys: generating a %d-bit RSA key: %w", bits, err)
	}
	return key, nil
}

// EncodePKCS8 returns key as a PKCS#8 "PRIVATE KEY" PEM, the form
// `openssl genpkey` writes and node-oauth signs with (docs/node-oauth.md).
func EncodePKCS8(key *rsa.PrivateKey) []byte {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		panic("keys: marshalling an RSA key: " + err.Error()) // cannot fail for *rsa.PrivateKey
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
}

// EncodePublic returns pub as a PKIX "PUBLIC KEY" PEM, what
// `openssl rsa -pubout` writes and what JIRA's Application Link takes
// (seed guide, steps 1 and 2).
func EncodePublic(pub *rsa.PublicKey) []byte {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		panic("keys: marshalling an RSA public key: " + err.Error()) // cannot fail for *rsa.PublicKey
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}
