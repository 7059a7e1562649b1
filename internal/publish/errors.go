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
	// token lacks read:connections_options (docs/auth0.md "Management API"), and an update without
	// them would erase settings.
	ErrNoOptions = errors.New("the tenant did not return the connection's options")
	// ErrMismatch: the connection read back is not what was verified.
	ErrMismatch = errors.New("the connection on the tenant is not the one verified")
	// ErrVerify: the verification failed; nothing was sent.
	ErrVerify = errors.New("verification failed")
	// ErrPlan: the Plan is incomplete or contradicts its body (a bug in the
	// caller); nothing was sent.
	ErrPlan = errors.New("incomplete plan")
)

// Error is a failed publish: the step that failed, the cause, and what had
// already been changed on the tenant.
type Error struct {
	Step    string   // verify, find, create, backup, update, enabled clients, read back
	Changes []string // changed on the tenant before the failure, in order
	// MaybeChanged names the failed write when its outcome is unknown: Auth0
	// answered 5xx or never answered (timeout, dropped connection), so the
	// write may have taken effect although no success came back.
	MaybeChanged string
	Err          error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("publish: " + e.Step + ": " + e.Err.Error())
	switch {
	case len(e.Changes) > 0:
		b.WriteString("; already changed on the tenant: " + strings.Join(e.Changes, "; "))
	case e.MaybeChanged == "":
		b.WriteString("; nothing was changed on the tenant")
	}
	if e.MaybeChanged != "" {
		b.WriteString("; " + e.MaybeChanged + " got no success answer but may have reached the tenant: check the connection in the Auth0 dashboard (or run bridge publish --dry-run) before running again")
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }
