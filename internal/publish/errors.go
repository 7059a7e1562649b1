package publish

import (
	"errors"
	"strings"
)

// Sentinels, matched with errors.Is.
var (
	// ErrOtherStrategy: a connection with the name exists with another strategy.
	ErrOtherStrategy = errors.New("a connection with this name exists with another strategy")
	// ErrNoOptions: the tenant did not show the connection's options: the
	// token lacks read:connections_options (FACTS.md §3), and an update without
	// them would erase settings.
	ErrNoOptions = errors.New("the tenant did not return the connection's options")
	// ErrMismatch: the connection read back is not what was verified.
	ErrMismatch = errors.New("the connection on the tenant is not the one verified")
	// ErrVerify: the verification failed; nothing was sent.
	ErrVerify = errors.New("verification failed")
)

// Error is a failed publish: the step that failed, the cause, and what had
// already been changed on the tenant.
type Error struct {
	Step    string   // verify, find, create, backup, update, enabled clients, read back
	Changes []string // changed on the tenant before the failure, in order
	Err     error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("publish: " + e.Step + ": " + e.Err.Error())
	if len(e.Changes) == 0 {
		b.WriteString("; nothing was changed on the tenant")
	} else {
		b.WriteString("; already changed on the tenant: " + strings.Join(e.Changes, "; "))
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }
