package keys

import (
	"os"

	"github.com/jira-auth0-bridge/bridge/internal/atomicfile"
)

// WriteError is a file of the pair that WritePair could not write. Found is
// true when the file was there before any key was made (and replace was
// false); otherwise Err is the write's own error (fs.ErrExist when the file
// appeared meanwhile).
type WriteError struct {
	Path  string
	Found bool
	Err   error
}

func (e *WriteError) Error() string {
	if e.Found {
		return "keys: " + e.Path + " exists"
	}
	return "keys: writing " + e.Path + ": " + e.Err.Error()
}

func (e *WriteError) Unwrap() error { return e.Err }

// WritePair makes a key pair of bits bits and writes the private key to
// keyFile (PKCS#8, mode 0600) and the public key to pubFile (mode 0644), each
// atomically (internal/atomicfile), never half of the pair: when pubFile
// fails, keyFile is removed. Without replace, existing files are refused
// before any key is made. It returns the public key's PEM. Errors are a
// *WriteError, or Generate's.
func WritePair(keyFile, pubFile string, bits int, replace bool) (string, error) {
	if !replace {
		for _, p := range []string{keyFile, pubFile} {
			if _, err := os.Lstat(p); err == nil {
				return "", &WriteError{Path: p, Found: true, Err: os.ErrExist}
			}
		}
	}
	key, err := Generate(bits)
	if err != nil {
		return "", err
	}
	pubPEM := EncodePublic(&key.PublicKey)
	if err := atomicfile.WriteFile(keyFile, EncodePKCS8(key), 0o600, replace); err != nil {
		return "", &WriteError{Path: keyFile, Err: err}
	}
	if err := atomicfile.WriteFile(pubFile, pubPEM, 0o644, replace); err != nil {
		_ = os.Remove(keyFile) // no half pair
		return "", &WriteError{Path: pubFile, Err: err}
	}
	return string(pubPEM), nil
}
