package suite

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// ephemeralLike makes a fresh RSA key in exactly the encoding of userPEM:
// the same PEM type (PKCS#1 "RSA PRIVATE KEY" or PKCS#8 "PRIVATE KEY"), the
// same line width and line endings, the same text around the block, and a
// modulus of the same bits. The script gets it as ctx.client_secret where
// nothing real checks the signature (the mock trusts its public half), so
// the user's real key never enters the sandbox: no output filter can catch
// every way a script could print it.
func ephemeralLike(userPEM string, bits int) (string, *rsa.PrivateKey, error) {
	begin := strings.Index(userPEM, "-----BEGIN ")
	if begin < 0 {
		return "", nil, errors.New("suite: the private key has no PEM block")
	}
	block, _ := pem.Decode([]byte(userPEM[begin:]))
	if block == nil {
		return "", nil, errors.New("suite: the private key's PEM block does not decode")
	}
	endMark := "-----END " + block.Type + "-----"
	end := strings.Index(userPEM, endMark)
	if end < 0 {
		return "", nil, errors.New("suite: the private key's PEM block has no END line")
	}
	prefix, suffix := userPEM[:begin], userPEM[end+len(endMark):]
	inner := userPEM[begin+len("-----BEGIN "+block.Type+"-----") : end]
	eol := "\n"
	if strings.Contains(inner, "\r\n") {
		eol = "\r\n"
	}
	width := 64
	for _, l := range strings.Split(strings.ReplaceAll(inner, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.Contains(l, ":") {
			width = len(l)
			break
		}
	}
	// DER lengths of keys of the same bits differ by a few bytes (leading
	// zeros of the integers): a few tries usually give the same length too.
	var (
		k   *rsa.PrivateKey
		der []byte
	)
	for try := 0; try < 6 && (k == nil || len(der) != len(block.Bytes)); try++ {
		var err error
		if k, err = rsa.GenerateKey(rand.Reader, bits); err != nil {
			return "", nil, fmt.Errorf("suite: making the stand-in key: %w", err)
		}
		if block.Type == "RSA PRIVATE KEY" {
			der = x509.MarshalPKCS1PrivateKey(k)
		} else if der, err = x509.MarshalPKCS8PrivateKey(k); err != nil {
			return "", nil, fmt.Errorf("suite: making the stand-in key: %w", err)
		}
	}
	b64 := base64.StdEncoding.EncodeToString(der)
	var sb strings.Builder
	sb.WriteString(prefix + "-----BEGIN " + block.Type + "-----" + eol)
	for len(b64) > 0 {
		n := min(width, len(b64))
		sb.WriteString(b64[:n] + eol)
		b64 = b64[n:]
	}
	sb.WriteString(endMark + suffix)
	return sb.String(), k, nil
}

// checkSigns checks, in Go, that node-oauth could sign with the user's key:
// an RSA-SHA1 PKCS#1 v1.5 signature, as crypto.createSign("RSA-SHA1") makes
// it (docs/node-oauth.md), that its public half verifies.
func checkSigns(k *rsa.PrivateKey) error {
	sum := sha1.Sum([]byte("bridge: can node-oauth sign with this key?"))
	sig, err := rsa.SignPKCS1v15(rand.Reader, k, crypto.SHA1, sum[:])
	if err == nil {
		err = rsa.VerifyPKCS1v15(&k.PublicKey, crypto.SHA1, sum[:], sig)
	}
	if err != nil {
		return fmt.Errorf("suite: the private key cannot make an RSA-SHA1 signature: %w; make one with `bridge keygen`", err)
	}
	return nil
}
