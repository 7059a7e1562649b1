package connection

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "jira.key")
	if err := os.WriteFile(key, []byte("-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.js")
	_ = os.WriteFile(empty, []byte(" \n"), 0o644)
	p, warnings, err := ReadFiles(Params{PrivateKeySource: key}, "")
	if err != nil || !strings.Contains(p.PrivateKeyPEM, "BEGIN PRIVATE KEY") || len(warnings) != 1 || !strings.Contains(warnings[0], "readable by others (mode 0644)") {
		t.Fatalf("ReadFiles = %v, %v", warnings, err)
	}
	var fe *FileError
	if _, _, err := ReadFiles(Params{PrivateKeySource: key, PublicKeySource: filepath.Join(dir, "nothere.pub")}, ""); !errors.As(err, &fe) || fe.Field != FieldPublicKey {
		t.Errorf("missing public key: %v", err)
	}
	if _, _, err := ReadFiles(Params{PrivateKeySource: key}, empty); !errors.As(err, &fe) || fe.Field != FieldScript || !strings.Contains(err.Error(), "is empty") {
		t.Errorf("empty script: %v", err)
	}
}
