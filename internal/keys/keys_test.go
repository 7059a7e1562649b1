package keys

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fixture(name string) string { return filepath.Join("testdata", name) }

func TestLoadPrivateKey(t *testing.T) {
	ref, err := LoadPublicKey(fixture("pkcs8.pub"))
	require.NoError(t, err)

	cases := []struct {
		file     string
		wantErr  error    // nil: the key loads and matches pkcs8.pub
		wantText []string // in the error message
	}{
		{file: "pkcs8.key"},
		{file: "pkcs1.key"},
		{"encrypted-pkcs8.key", ErrEncrypted, []string{"encrypted-pkcs8.key", "openssl pkey -in testdata/encrypted-pkcs8.key -out testdata/encrypted-pkcs8.key.plain"}},
		{"encrypted-pkcs1.key", ErrEncrypted, []string{"encrypted-pkcs1.key", "openssl pkey -in"}},
		{"rsa1024.key", ErrTooSmall, []string{"rsa1024.key", "1024 bits", "bridge keygen"}},
		{"ec.key", ErrNotRSA, []string{"ec.key", "EC key", "RSA-SHA1"}},
		{"pkcs8.pub", ErrNotPrivateKey, []string{"pkcs8.pub", "the .key file"}},
		{"README.md", ErrNoPEM, []string{"README.md", "BEGIN PRIVATE KEY"}},
		{"missing.key", os.ErrNotExist, []string{"missing.key"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			key, pemBytes, err := LoadPrivateKey(fixture(c.file))
			if c.wantErr == nil {
				require.NoError(t, err)
				assert.True(t, Matches(key, ref))
				assert.False(t, IsTestKey(key))
				again, err := ParsePrivateKey(pemBytes, "again")
				require.NoError(t, err, "the returned PEM parses again")
				assert.True(t, again.Equal(key))
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, c.wantErr)
			assert.True(t, strings.HasPrefix(err.Error(), "keys: "), err.Error())
			for _, want := range c.wantText {
				assert.Contains(t, err.Error(), want)
			}
			assert.Nil(t, key)
		})
	}
}

func TestParsePrivateKeyPEMOnly(t *testing.T) {
	// Text around the PEM (openssl's "Bag Attributes", CRLF line ends) is dropped
	// from the PEM that is passed on.
	data, err := os.ReadFile(fixture("pkcs1.key"))
	require.NoError(t, err)
	withJunk := "Bag Attributes\r\n    friendlyName: jira\r\n" + strings.ReplaceAll(string(data), "\n", "\r\n")
	key, pemBytes, err := PrivateKeyPEM([]byte(withJunk), "junk.key")
	require.NoError(t, err)
	assert.Equal(t, string(data), string(pemBytes))
	assert.Equal(t, MinBits, key.N.BitLen())
}

func TestParsePrivateKeyDamaged(t *testing.T) {
	data, err := os.ReadFile(fixture("pkcs8.key"))
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	lines[5] = strings.Repeat("A", len(lines[5])) // still base64, wrong DER
	_, err = ParsePrivateKey([]byte(strings.Join(lines, "\n")), "damaged.key")
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "damaged.key")
}

func TestLoadPublicKey(t *testing.T) {
	priv, _, err := LoadPrivateKey(fixture("pkcs8.key"))
	require.NoError(t, err)
	cases := []struct {
		file      string
		wantErr   error
		wantMatch bool
	}{
		{file: "pkcs8.pub", wantMatch: true},
		{file: "pkcs1.pub", wantMatch: true},
		{file: "other.pub", wantMatch: false},
		{file: "ec.pub", wantErr: ErrNotRSA},
		{file: "pkcs8.key", wantErr: ErrNotPublicKey},
		{file: "README.md", wantErr: ErrNoPEM},
		{file: "missing.pub", wantErr: os.ErrNotExist},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			pub, err := LoadPublicKey(fixture(c.file))
			if c.wantErr != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, c.wantErr)
				assert.Contains(t, err.Error(), c.file)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.wantMatch, Matches(priv, pub))
		})
	}
}

// One parser for every public key bridge reads (bridge mock --public-key, the
// connection's --public-key, the shipped test key): the same input gets the
// same error kind and message everywhere.
func TestParsePublicKeyForms(t *testing.T) {
	pkix, err := ParsePublicKey(bridge.TestPublicKeyPEM, "test.pub")
	require.NoError(t, err)
	pkcs1 := pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: x509.MarshalPKCS1PublicKey(pkix)})
	k, err := ParsePublicKey(pkcs1, "pkcs1.pub")
	require.NoError(t, err)
	assert.True(t, k.Equal(pkix), "PKCS#1 and PKIX forms of one key")

	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	ecDER, err := x509.MarshalPKIXPublicKey(&ec.PublicKey)
	require.NoError(t, err)
	for _, c := range []struct {
		name    string
		in      []byte
		wantErr error
		want    string
	}{
		{"not PEM", []byte("hello"), ErrNoPEM, "keys: in.pub: no PEM block (is this the right file?)"},
		{"a private key", bridge.TestPrivateKeyPEM, ErrNotPublicKey, `keys: in.pub: not a public key (it holds a "PRIVATE KEY"); pass the public key`},
		{"a damaged PUBLIC KEY body", pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: []byte("junk")}), ErrInvalid, "keys: in.pub: invalid key: "},
		{"a damaged RSA PUBLIC KEY body", pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: []byte("junk")}), ErrInvalid, "keys: in.pub: invalid key: "},
		{"a certificate", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte("junk")}), ErrNoPEM, "keys: in.pub: no PEM block"},
		{"an EC key", pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: ecDER}), ErrNotRSA, "keys: in.pub: not an RSA key"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParsePublicKey(c.in, "in.pub")
			require.ErrorIs(t, err, c.wantErr)
			var ke *Error
			require.ErrorAs(t, err, &ke)
			assert.Equal(t, "in.pub", ke.Source)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func TestParsePublicKeySSH(t *testing.T) {
	_, err := ParsePublicKey([]byte("ssh-rsa AAAAB3NzaC1yc2E me@host\n"), "id_rsa.pub")
	assert.ErrorIs(t, err, ErrNotPublicKey)
	assert.Contains(t, err.Error(), "openssl rsa -pubout")
}

func TestIsTestKey(t *testing.T) {
	shipped, err := ParsePrivateKey(bridge.TestPrivateKeyPEM, "test.key")
	require.NoError(t, err)
	assert.True(t, IsTestKey(shipped))
	other, _, err := LoadPrivateKey(fixture("other.key"))
	require.NoError(t, err)
	assert.False(t, IsTestKey(other))
	assert.False(t, Matches(nil, &shipped.PublicKey))
}

func TestGenerateAndEncode(t *testing.T) {
	key, err := Generate(MinBits)
	require.NoError(t, err)
	assert.Equal(t, MinBits, key.N.BitLen())

	privPEM := EncodePKCS8(key)
	assert.True(t, strings.HasPrefix(string(privPEM), "-----BEGIN PRIVATE KEY-----\n"))
	back, err := ParsePrivateKey(privPEM, "generated.key")
	require.NoError(t, err)
	assert.True(t, back.Equal(key))

	pubPEM := EncodePublic(&key.PublicKey)
	assert.True(t, strings.HasPrefix(string(pubPEM), "-----BEGIN PUBLIC KEY-----\n"))
	pub, err := ParsePublicKey(pubPEM, "generated.pub")
	require.NoError(t, err)
	assert.True(t, Matches(key, pub))
	assert.False(t, IsTestKey(key))
}

func TestGenerateBits(t *testing.T) {
	for _, c := range []struct {
		bits int
		want error
	}{{0, ErrTooSmall}, {1024, ErrTooSmall}, {2047, ErrTooSmall}, {MaxBits + 1, ErrTooLarge}} {
		_, err := Generate(c.bits)
		require.ErrorIs(t, err, c.want, "bits %d", c.bits)
		assert.True(t, strings.HasPrefix(err.Error(), "keys: "))
	}
}

func TestErrorUnwrap(t *testing.T) {
	_, err := ParsePrivateKey([]byte("nope"), "x.key")
	var ke *Error
	require.True(t, errors.As(err, &ke))
	assert.Equal(t, "x.key", ke.Source)
	assert.NotEmpty(t, ke.Hint)
}

func BenchmarkParsePrivateKey(b *testing.B) {
	data, err := os.ReadFile(fixture("pkcs8.key"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParsePrivateKey(data, "pkcs8.key"); err != nil {
			b.Fatal(err)
		}
	}
}

// A file with no PEM block at all is the wrong file; a PEM block that
// pem.Decode refuses (bad base64, cut short, "\n" escapes) is a damaged copy of
// the right one. The two get different errors and different advice.
func TestDamagedPEM(t *testing.T) {
	priv, err := os.ReadFile(fixture("pkcs8.key"))
	require.NoError(t, err)
	pub, err := os.ReadFile(fixture("pkcs8.pub"))
	require.NoError(t, err)
	edit := func(data []byte, f func(lines []string) []string) []byte {
		return []byte(strings.Join(f(strings.Split(string(data), "\n")), "\n"))
	}
	cases := []struct {
		name    string
		public  bool
		data    []byte
		wantErr error
		want    []string // in the message
		notWant []string
	}{
		{"not base64", false, edit(priv, func(l []string) []string { l[3] = l[3][:10] + "!" + l[3][11:]; return l }),
			ErrDamagedPEM, []string{"damaged PEM block", `"PRIVATE KEY" block of line 1: line 4 is not base64`, "copy the whole file again"}, []string{"no PEM block", "right file"}},
		{"a character lost", false, edit(priv, func(l []string) []string { l[3] = l[3][1:]; return l }),
			ErrDamagedPEM, []string{"cut short or padded wrongly", "bridge keygen"}, nil},
		{"no END line", false, edit(priv, func(l []string) []string { return l[:len(l)-2] }),
			ErrDamagedPEM, []string{"has no -----END PRIVATE KEY----- line: the file is cut short"}, nil},
		{"JSON escapes", false, []byte(strings.ReplaceAll(strings.TrimSpace(string(priv)), "\n", `\n`)),
			ErrDamagedPEM, []string{`line breaks are written "\n"`, "real line breaks"}, nil},
		{"not PEM at all", false, []byte("hello\nworld\n"),
			ErrNoPEM, []string{"no PEM block (is this the right file?)", "BEGIN PRIVATE KEY"}, []string{"damaged"}},
		{"public not base64", true, edit(pub, func(l []string) []string { l[2] = "@@" + l[2][2:]; return l }),
			ErrDamagedPEM, []string{`"PUBLIC KEY" block of line 1: line 3 is not base64`, "copy the whole .pub file again"}, []string{"no PEM block"}},
		{"public not PEM at all", true, []byte("hello\n"),
			ErrNoPEM, []string{"no PEM block (is this the right file?)", "BEGIN PUBLIC KEY"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.public {
				_, err = ParsePublicKey(c.data, "x.pub")
			} else {
				_, err = ParsePrivateKey(c.data, "x.key")
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, c.wantErr)
			for _, w := range c.want {
				assert.Contains(t, err.Error(), w)
			}
			for _, w := range c.notWant {
				assert.NotContains(t, err.Error(), w)
			}
		})
	}
}
