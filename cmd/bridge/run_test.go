package main

import (
	"errors"
	"testing"
)

// TestInterrupted: a command stopped by a signal fails its check (exit 1) and
// keeps what it had to say.
func TestInterrupted(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"plain error", errors.New("suite: run stopped: context canceled"), "interrupted: suite: run stopped: context canceled"},
		{"usage error", usageErr("--x: bad"), "interrupted: --x: bad"},
		{"already reported", checkFailed(nil), "interrupted"},
		{"remote error", remoteErr(errors.New("publish: already changed on the tenant: created jira")), "interrupted: publish: already changed on the tenant: created jira"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := interrupted(tt.err)
			if code := exitCode(err); code != ExitCheckFailed {
				t.Errorf("exit code %d; want %d", code, ExitCheckFailed)
			}
			if err.Error() != tt.want {
				t.Errorf("message %q; want %q", err.Error(), tt.want)
			}
		})
	}
}
