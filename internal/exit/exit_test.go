package exit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
		{"usage error", Usagef("--x: bad"), "interrupted: --x: bad"},
		{"already reported", Failed(nil), "interrupted"},
		{"remote error", RemoteFailed(errors.New("publish: already changed on the tenant: created jira")), "interrupted: publish: already changed on the tenant: created jira"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Interrupted(tt.err)
			if code := Code(err); code != CheckFailed {
				t.Errorf("exit code %d; want %d", code, CheckFailed)
			}
			if err.Error() != tt.want {
				t.Errorf("message %q; want %q", err.Error(), tt.want)
			}
		})
	}
}

func TestCode(t *testing.T) {
	for err, want := range map[error]int{
		nil:                               OK,
		errors.New("cobra: unknown flag"): Usage,
		Failed(nil):                       CheckFailed,
		fmt.Errorf("wrapped: %w", RemoteFailed(errors.New("5xx"))): Remote,
		&Error{Code: Internal}: Internal,
	} {
		if got := Code(err); got != want {
			t.Errorf("Code(%v) = %d; want %d", err, got, want)
		}
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	WriteJSON(&b, Usagef("--x: <bad> & worse"))
	var doc Doc
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Error.Kind != "usage" || doc.Error.ExitCode != 2 || doc.Error.Message != "--x: <bad> & worse" || bytes.Contains(b.Bytes(), []byte(`\u003c`)) {
		t.Errorf("doc = %s", b.String())
	}
	b.Reset()
	WriteJSON(&b, Failed(nil))
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil || doc.Error.Kind != "check" || doc.Error.Message != "" {
		t.Errorf("silent failure doc = %s (%v); want kind check, no message", b.String(), err)
	}
}
