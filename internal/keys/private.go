package keys

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/inputfile"
)

// LoadPrivateKey reads the RSA private key in the PEM file at path. It returns
// the key and its PEM block re-encoded on its own: the text that goes into the
// connection's client_secret, which node-oauth signs with raw (docs/node-oauth.md,
// lib/oauth.js L16-18). See ParsePrivateKey for what is accepted.
func LoadPrivateKey(path string) (*rsa.PrivateKey, []byte, error) {
	data, err := inputfile.Read(path, inputfile.MaxKeyFile, "private key")
	if err != nil {
		return nil, nil, fmt.Errorf("keys: reading the private key: %w; pass the .key file made by `bridge keygen` or `openssl genrsa`", err)
	}
	key, block, err := parsePrivate(data, path)
	if err != nil {
		return nil, nil, err
	}
	return key, pem.EncodeToMemory(block), nil
}

// ParsePrivateKey parses an RSA private key of at least MinBits bits from PEM:
// PKCS#1 "RSA PRIVATE KEY" or PKCS#8 "PRIVATE KEY", both of which node-oauth
// signs with (docs/node-oauth.md). An encrypted PEM (Proc-Type: 4,ENCRYPTED, or PKCS#8
// "ENCRYPTED PRIVATE KEY") is refused with the openssl command that decrypts
// it. source names the input in errors (usually the file name).
func ParsePrivateKey(pemBytes []byte, source string) (*rsa.PrivateKey, error) {
	key, _, err := parsePrivate(pemBytes, source)
	return key, err
}

// PrivateKeyPEM returns the PEM block of the private key in pemBytes on its own,
// after checking it as ParsePrivateKey does.
func PrivateKeyPEM(pemBytes []byte, source string) (*rsa.PrivateKey, []byte, error) {
	key, block, err := parsePrivate(pemBytes, source)
	if err != nil {
		return nil, nil, err
	}
	return key, pem.EncodeToMemory(block), nil
}

func parsePrivate(data []byte, source string) (*rsa.PrivateKey, *pem.Block, error) {
	block, others := findBlock(data, func(t string) bool { return strings.HasSuffix(t, "PRIVATE KEY") })
	if block == nil {
		return nil, nil, noPrivateBlock(data, others, source)
	}
	if isEncrypted(block) {
		return nil, nil, keyErr(source, ErrEncrypted, "",
			fmt.Sprintf("Auth0 cannot use a passphrase: decrypt it with `openssl pkey -in %[1]s -out %[1]s.plain` and pass %[1]s.plain (keep it private, mode 0600)", source))
	}
	var key any
	var err error
	switch block.Type {
	case "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
	case "PRIVATE KEY":
		key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		return nil, nil, keyErr(source, ErrNotRSA, "an EC key", rsaHint)
	case "OPENSSH PRIVATE KEY":
		return nil, nil, keyErr(source, ErrInvalid, "an OpenSSH private key",
			"JIRA and node-oauth need a PEM RSA key: make a new pair with `bridge keygen`")
	default:
		return nil, nil, keyErr(source, ErrInvalid, "a PEM \""+block.Type+"\" block",
			"want \"RSA PRIVATE KEY\" (PKCS#1) or \"PRIVATE KEY\" (PKCS#8); make a pair with `bridge keygen`")
	}
	if err != nil {
		return nil, nil, keyErr(source, wrapParse(ErrInvalid, err), "", "the PEM body is damaged; copy the whole file again or make a new pair with `bridge keygen`")
	}
	rsaKey, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, nil, keyErr(source, ErrNotRSA, describe(key), rsaHint)
	}
	if bits := rsaKey.N.BitLen(); bits < MinBits {
		return nil, nil, keyErr(source, ErrTooSmall, fmt.Sprintf("%d bits, want at least %d", bits, MinBits),
			"make a new pair with `bridge keygen` and paste the new public key into JIRA")
	}
	if err := rsaKey.Validate(); err != nil {
		return nil, nil, keyErr(source, wrapParse(ErrInvalid, err), "", "make a new pair with `bridge keygen`")
	}
	rsaKey.Precompute()
	return rsaKey, block, nil
}

const rsaHint = "JIRA's OAuth 1.0a signs with RSA-SHA1 only: make an RSA pair with `bridge keygen`"

// findBlock returns the first PEM block in data whose type passes want, and the
// types of the blocks it skipped.
func findBlock(data []byte, want func(string) bool) (*pem.Block, []string) {
	var others []string
	rest := data
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			return nil, others
		}
		if want(block.Type) {
			return block, others
		}
		others = append(others, block.Type)
	}
}

func isEncrypted(block *pem.Block) bool {
	return block.Type == "ENCRYPTED PRIVATE KEY" || strings.Contains(block.Headers["Proc-Type"], "ENCRYPTED")
}

func noPrivateBlock(data []byte, others []string, source string) error {
	for _, t := range others {
		if strings.HasSuffix(t, "PUBLIC KEY") || t == "CERTIFICATE" {
			return keyErr(source, ErrNotPrivateKey, "it holds a \""+t+"\"",
				"pass the private key (the .key file); the public key (.pub) is what JIRA gets")
		}
	}
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("ssh-")) {
		return keyErr(source, ErrNotPrivateKey, "an OpenSSH public key", "pass the PEM private key (the .key file made by `bridge keygen`)")
	}
	if err := damagedBlock(data, func(t string) bool { return strings.HasSuffix(t, "PRIVATE KEY") }, source,
		"copy the whole file again (every line, unchanged), or make a new pair with `bridge keygen` and paste the new public key into JIRA"); err != nil {
		return err
	}
	return keyErr(source, ErrNoPEM, "is this the right file?", "pass a PEM file starting with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----, e.g. one made by `bridge keygen`")
}

func describe(key any) string {
	switch key.(type) {
	case *ecdsa.PrivateKey, *ecdsa.PublicKey:
		return "an EC key"
	case ed25519.PrivateKey, ed25519.PublicKey:
		return "an Ed25519 key"
	default:
		return fmt.Sprintf("a %T", key)
	}
}
