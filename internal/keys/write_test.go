package keys

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWritePair(t *testing.T) {
	dir := t.TempDir()
	key, pub := filepath.Join(dir, "jira.key"), filepath.Join(dir, "jira.pub")
	pubPEM, err := WritePair(key, pub, MinBits, false)
	if err != nil {
		t.Fatal(err)
	}
	priv, _, err := LoadPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePublicKey([]byte(pubPEM), pub)
	if err != nil || !Matches(priv, p) {
		t.Fatalf("the public key does not belong to the private key: %v", err)
	}
	if fi, _ := os.Stat(key); fi.Mode().Perm() != 0o600 {
		t.Errorf("private key mode %04o, want 0600", fi.Mode().Perm())
	}

	// Without replace, an existing file is refused before any key is made.
	_, err = WritePair(key, pub, MinBits, false)
	var we *WriteError
	if !errors.As(err, &we) || !we.Found || we.Path != key || !errors.Is(err, fs.ErrExist) {
		t.Fatalf("err = %v, want a WriteError that found %s", err, key)
	}
	// With replace, the pair is new.
	if again, err := WritePair(key, pub, MinBits, true); err != nil || again == pubPEM {
		t.Fatalf("replace: err %v, same key %v", err, again == pubPEM)
	}

	// A public key that cannot be written leaves no private key behind.
	key2 := filepath.Join(dir, "half.key")
	_, err = WritePair(key2, filepath.Join(dir, "missing", "half.pub"), MinBits, false)
	if !errors.As(err, &we) || we.Found {
		t.Fatalf("err = %v, want a write error", err)
	}
	if _, err := os.Stat(key2); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("half a pair left: %v", err)
	}
}
