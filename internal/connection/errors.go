package connection

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors of validation, matched with errors.Is. Key problems also wrap
// the sentinels of internal/keys (keys.ErrEncrypted, keys.ErrTooSmall, …).
var (
	ErrJIRAURL     = errors.New("bad JIRA URL")
	ErrConsumerKey = errors.New("bad consumer key")
	ErrPrivateKey  = errors.New("bad private key")
	ErrPublicKey   = errors.New("bad public key")
	ErrKeyMismatch = errors.New("the public key does not belong to the private key")
	ErrTestKey     = errors.New("the private key is the public test key shipped with bridge")
	ErrName        = errors.New("bad connection name")
	ErrScript      = errors.New("the script does not compile")
	ErrScriptSize  = errors.New("the script is too long")
)

// Field names a setting of the connection. It is an identifier, not a flag:
// a command line names its flags itself (cmd/bridge maps fields to flags).
type Field string

// The settings of Params that validation names.
const (
	FieldJIRAURL     Field = "jira_url"
	FieldConsumerKey Field = "consumer_key"
	FieldPrivateKey  Field = "private_key"
	FieldPublicKey   Field = "public_key"
	FieldName        Field = "name"
	FieldScript      Field = "script"
)

// Fields lists every Field.
var Fields = []Field{FieldJIRAURL, FieldConsumerKey, FieldPrivateKey, FieldPublicKey, FieldName, FieldScript}

// Error is one validation failure: the setting (Field), what is wrong (Err,
// wrapping a sentinel) and how to fix it.
type Error struct {
	Field Field
	Err   error
	Fix   string
}

// Error reads "connection: FIELD: REASON".
func (e *Error) Error() string { return "connection: " + string(e.Field) + ": " + e.Reason() }

// Reason is what is wrong and how to fix it, without the field: for a caller
// that names the field in its own words (a flag).
func (e *Error) Reason() string {
	msg := e.Err.Error()
	if e.Fix != "" {
		msg += fixSeparator(msg) + e.Fix
	}
	return msg
}

// fixSeparator is "; " between what is wrong and the fix, unless what is wrong
// ends in punctuation of its own, as a compiler's "Unexpected token ;" does:
// then "; " would read ";;" and the fix goes after a dash.
func fixSeparator(msg string) string {
	if msg != "" && strings.ContainsRune(";:,.", rune(msg[len(msg)-1])) {
		return " — "
	}
	return "; "
}

func (e *Error) Unwrap() error { return e.Err }

// problem builds an *Error wrapping sentinel, with detail after it.
func problem(field Field, sentinel error, fix, detail string, args ...any) *Error {
	err := sentinel
	if detail != "" {
		err = fmt.Errorf("%w: "+detail, append([]any{sentinel}, args...)...)
	}
	return &Error{Field: field, Err: err, Fix: fix}
}

// Problems returns the *Error values inside err (one, or many joined).
func Problems(err error) []*Error {
	var out []*Error
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		var e *Error
		if errors.As(err, &e) && e == err {
			out = append(out, e)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, inner := range j.Unwrap() {
				walk(inner)
			}
			return
		}
		if errors.As(err, &e) {
			out = append(out, e)
		}
	}
	walk(err)
	return out
}

// tagged is err, also matching sentinel with errors.Is; it reads as err alone.
type tagged struct{ sentinel, err error }

func (t tagged) Error() string   { return t.err.Error() }
func (t tagged) Unwrap() []error { return []error{t.sentinel, t.err} }
