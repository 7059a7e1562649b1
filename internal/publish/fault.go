package publish

import "errors"

// Fault says whose a failed publish or restore is, so that a caller can say
// what to fix (the CLI: its exit code, README "Exit codes").
type Fault int

// The faults.
const (
	// FaultTenant: Auth0 failed or refused a request.
	FaultTenant Fault = iota
	// FaultVerify: the script failed its cases (ErrVerify); nothing was sent.
	FaultVerify
	// FaultInput: the user's input cannot be published: the name is taken by
	// a connection of another strategy (ErrOtherStrategy), or a backup
	// cannot be read (ErrBackup) or written (the "backup" step).
	FaultInput
)

// FaultOf is the Fault of err, an error of Run or Restore.
func FaultOf(err error) Fault {
	var pe *Error
	switch {
	case errors.Is(err, ErrVerify):
		return FaultVerify
	case errors.Is(err, ErrOtherStrategy), errors.Is(err, ErrBackup):
		return FaultInput
	case errors.As(err, &pe) && pe.Step == "backup":
		return FaultInput
	}
	return FaultTenant
}
