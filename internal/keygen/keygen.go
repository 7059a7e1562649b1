// Package keygen makes and writes the JIRA consumer's RSA key pair for
// `bridge keygen`: PREFIX.key (PKCS#8, mode 0600) and PREFIX.pub (PKIX,
// mode 0644), both or neither, each written atomically (internal/atomicfile).
// Its errors are typed; Options (flags.go) registers the command's flags
// and UsageErr names them in those errors.
package keygen

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/atomicfile"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

// Field names an input of Write.
type Field string

// The inputs Check can find wrong.
const (
	FieldPrefix Field = "prefix"
	FieldBits   Field = "bits"
)

// InputError is an input that is wrong: Value is the input as a message
// shows it (a quoted prefix, a number of bits), Reason what to give instead.
type InputError struct {
	Field         Field
	Value, Reason string
}

func (e *InputError) Error() string {
	return "keygen: " + string(e.Field) + " " + e.Value + ": " + e.Reason
}

// ExistsError is a file of the pair that exists while Write may not replace
// it. Before is true when it was found before the key was made (the pair is
// left alone), false when it appeared while the pair was written.
type ExistsError struct {
	Path   string
	Before bool
}

func (e *ExistsError) Error() string { return "keygen: " + e.Path + " exists" }

// WriteError is a file of the pair that could not be written; no half pair
// is left behind.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return "keygen: writing " + e.Path + ": " + e.Err.Error() }
func (e *WriteError) Unwrap() error { return e.Err }

// Pair is what Write wrote.
type Pair struct {
	KeyFile, PubFile string
	PublicPEM        string // the public key, as PubFile holds it
}

// Files are the pair's file names for prefix: PREFIX.key and PREFIX.pub.
func Files(prefix string) Pair { return Pair{KeyFile: prefix + ".key", PubFile: prefix + ".pub"} }

// Check refuses a prefix that names a directory and a key size outside
// keys.MinBits..keys.MaxBits (*InputError).
func Check(prefix string, bits int) error {
	if prefix == "" || strings.HasSuffix(prefix, "/") || strings.HasSuffix(prefix, string(filepath.Separator)) {
		return &InputError{Field: FieldPrefix, Value: strconv.Quote(prefix), Reason: "give a path prefix such as jira or keys/jira, not a directory"}
	}
	if bits < keys.MinBits || bits > keys.MaxBits {
		return &InputError{Field: FieldBits, Value: strconv.Itoa(bits),
			Reason: "choose " + strconv.Itoa(keys.MinBits) + " to " + strconv.Itoa(keys.MaxBits) + "; 2048 is what the Auth0 guide uses"}
	}
	return nil
}

// Write makes a key pair of bits bits and writes it to Files(prefix), never
// half of it. Without force an existing file is an *ExistsError; a file
// that cannot be written is a *WriteError.
func Write(prefix string, bits int, force bool) (Pair, error) {
	p := Files(prefix)
	if err := Check(prefix, bits); err != nil {
		return p, err
	}
	if !force {
		for _, path := range []string{p.KeyFile, p.PubFile} {
			if _, err := os.Lstat(path); err == nil {
				return p, &ExistsError{Path: path, Before: true}
			}
		}
	}
	key, err := keys.Generate(bits)
	if err != nil {
		return p, err
	}
	pubPEM := keys.EncodePublic(&key.PublicKey)
	if err := atomicfile.WriteFile(p.KeyFile, keys.EncodePKCS8(key), 0o600, force); err != nil {
		return p, writeErr(err, p.KeyFile)
	}
	if err := atomicfile.WriteFile(p.PubFile, pubPEM, 0o644, force); err != nil {
		_ = os.Remove(p.KeyFile) // no half pair
		return p, writeErr(err, p.PubFile)
	}
	p.PublicPEM = string(pubPEM)
	return p, nil
}

func writeErr(err error, path string) error {
	if errors.Is(err, fs.ErrExist) {
		return &ExistsError{Path: path}
	}
	return &WriteError{Path: path, Err: err}
}
