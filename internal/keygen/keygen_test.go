package keygen

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

// TestCheck: a prefix that names a directory and key sizes out of range are
// input errors naming the field, with the value as shown.
func TestCheck(t *testing.T) {
	tests := []struct {
		prefix string
		bits   int
		field  Field
		value  string
	}{
		{"", 2048, FieldPrefix, `""`},
		{"keys/", 2048, FieldPrefix, `"keys/"`},
		{"jira", keys.MinBits - 1, FieldBits, "2047"},
		{"jira", keys.MaxBits + 1, FieldBits, "8193"},
	}
	for _, tt := range tests {
		var ie *InputError
		if err := Check(tt.prefix, tt.bits); !errors.As(err, &ie) || ie.Field != tt.field || ie.Value != tt.value {
			t.Errorf("Check(%q, %d) = %v; want field %s value %s", tt.prefix, tt.bits, err, tt.field, tt.value)
		}
	}
	if err := Check("keys/jira", 2048); err != nil {
		t.Errorf("Check(keys/jira, 2048) = %v", err)
	}
	if ie := Check("x", 1).(*InputError); ie.Reason != "choose 2048 to 8192; 2048 is what the Auth0 guide uses" {
		t.Errorf("Reason = %q", ie.Reason)
	}
}

// TestWrite: the pair is written with its modes, the public key matches the
// private one, an existing file is kept without force and replaced with it,
// and a missing directory leaves no file.
func TestWrite(t *testing.T) {
	prefix := filepath.Join(t.TempDir(), "jira")
	p, err := Write(prefix, 2048, false)
	if err != nil {
		t.Fatal(err)
	}
	key, _, err := keys.LoadPrivateKey(p.KeyFile)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(keys.EncodePublic(&key.PublicKey)); got != p.PublicPEM {
		t.Errorf("PublicPEM is not the private key's public key")
	}
	if pub, _ := os.ReadFile(p.PubFile); string(pub) != p.PublicPEM {
		t.Errorf("%s holds %q; want PublicPEM", p.PubFile, pub)
	}
	for path, mode := range map[string]os.FileMode{p.KeyFile: 0o600, p.PubFile: 0o644} {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != mode {
			t.Errorf("%s: %v, mode %v; want %v", path, err, info.Mode().Perm(), mode)
		}
	}
	var ee *ExistsError
	if _, err := Write(prefix, 2048, false); !errors.As(err, &ee) || ee.Path != p.KeyFile || !ee.Before {
		t.Errorf("second Write = %v; want an ExistsError for %s found before", err, p.KeyFile)
	}
	p2, err := Write(prefix, 2048, true)
	if err != nil || p2.PublicPEM == p.PublicPEM {
		t.Errorf("Write with force = %v, same key %v; want a new pair", err, p2.PublicPEM == p.PublicPEM)
	}
	var we *WriteError
	missing := filepath.Join(t.TempDir(), "no", "jira")
	if _, err := Write(missing, 2048, false); !errors.As(err, &we) || we.Path != missing+".key" {
		t.Errorf("Write into a missing directory = %v; want a WriteError for the key", err)
	}
	if _, err := os.Stat(missing + ".pub"); !os.IsNotExist(err) {
		t.Errorf("half a pair left: %v", err)
	}
}
