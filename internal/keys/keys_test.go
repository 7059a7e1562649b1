package keys

import (
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
	for _, bits := range []int{0, 1024, 2047, MaxBits + 1} {
		_, err := Generate(bits)
		require.Error(t, err, "bits %d", bits)
		assert.True(t, strings.HasPrefix(err.Error(), "keys: "))
	}
	_, err := Generate(1024)
	assert.ErrorIs(t, err, ErrTooSmall)
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
