package keys

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"fmt"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/inputfile"
)

// LoadPublicKey reads the RSA public key in the PEM file at path: the file
// pasted into JIRA's Application Link (seed guide, step 2). See ParsePublicKey.
func LoadPublicKey(path string) (*rsa.PublicKey, error) {
	data, err := inputfile.Read(path, inputfile.MaxKeyFile, "public key")
	if err != nil {
		return nil, fmt.Errorf("keys: reading the public key: %w; pass the .pub file pasted into JIRA", err)
	}
	return ParsePublicKey(data, path)
}

// ParsePublicKey parses an RSA public key from PEM: PKIX "PUBLIC KEY", as
// `openssl rsa -pubout` writes it (seed guide, step 1), or PKCS#1
// "RSA PUBLIC KEY". source names the input in errors.
func ParsePublicKey(data []byte, source string) (*rsa.PublicKey, error) {
	block, others := findBlock(data, func(t string) bool { return strings.HasSuffix(t, "PUBLIC KEY") })
	if block == nil {
		for _, t := range others {
			if strings.HasSuffix(t, "PRIVATE KEY") {
				return nil, keyErr(source, ErrNotPublicKey, "it holds a \""+t+"\"",
					"pass the public key (the .pub file pasted into JIRA), never the private key")
			}
		}
		if bytes.HasPrefix(bytes.TrimSpace(data), []byte("ssh-")) {
			return nil, keyErr(source, ErrNotPublicKey, "an OpenSSH public key",
				"JIRA wants a PEM public key: `openssl rsa -pubout -in KEY -out KEY.pub`")
		}
		if err := damagedBlock(data, func(t string) bool { return strings.HasSuffix(t, "PUBLIC KEY") }, source,
			"copy the whole .pub file again (every line, unchanged), or derive it again with `openssl rsa -pubout -in KEY -out KEY.pub`"); err != nil {
			return nil, err
		}
		return nil, keyErr(source, ErrNoPEM, "is this the right file?", "pass a PEM file starting with -----BEGIN PUBLIC KEY-----, e.g. the .pub made by `bridge keygen`")
	}
	var key any
	var err error
	switch block.Type {
	case "PUBLIC KEY":
		key, err = x509.ParsePKIXPublicKey(block.Bytes)
	case "RSA PUBLIC KEY":
		key, err = x509.ParsePKCS1PublicKey(block.Bytes)
	default:
		return nil, keyErr(source, ErrNotPublicKey, "a PEM \""+block.Type+"\" block",
			"want \"PUBLIC KEY\" (PKIX) or \"RSA PUBLIC KEY\" (PKCS#1)")
	}
	if err != nil {
		return nil, keyErr(source, wrapParse(ErrInvalid, err), "", "the PEM body is damaged; copy the whole .pub file again")
	}
	pub, ok := key.(*rsa.PublicKey)
	if !ok {
		return nil, keyErr(source, ErrNotRSA, describe(key), rsaHint)
	}
	return pub, nil
}
