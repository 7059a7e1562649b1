package keys

import (
	"errors"
	"fmt"
)

// MinBits is the smallest RSA modulus accepted, the size the Auth0 JIRA guide's
// step 1 generates (`openssl genrsa … 2048`).
const MinBits = 2048

// Sentinel errors, matched with errors.Is. The errors the functions of this
// package return wrap one of them with the file and the fix.
var (
	ErrNoPEM         = errors.New("no PEM block")
	ErrDamagedPEM    = errors.New("damaged PEM block")
	ErrEncrypted     = errors.New("the private key is encrypted")
	ErrNotPrivateKey = errors.New("not a private key")
	ErrNotPublicKey  = errors.New("not a public key")
	ErrNotRSA        = errors.New("not an RSA key")
	ErrTooSmall      = errors.New("RSA key too small")
	ErrTooLarge      = errors.New("RSA key too large")
	ErrInvalid       = errors.New("invalid key")
)

// Error is a key problem: which file, what is wrong (Err, one of the
// sentinels) and what to do (Hint).
type Error struct {
	Source string // the file, or a name like "--private-key"
	Err    error  // a sentinel, possibly wrapping the parser's error
	Detail string // what was found, e.g. "1024 bits" or "an EC key"
	Hint   string // what to do
}

func (e *Error) Error() string {
	msg := "keys: " + e.Source + ": " + e.Err.Error()
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

func keyErr(source string, sentinel error, detail, hint string) error {
	return &Error{Source: source, Err: sentinel, Detail: detail, Hint: hint}
}

// wrapParse keeps the parser's message under the ErrInvalid sentinel.
func wrapParse(sentinel error, err error) error {
	return fmt.Errorf("%w: %v", sentinel, err)
}
