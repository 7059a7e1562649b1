package redact

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// TestErr: the message hides the secret; the wrapped error is still found.
func TestErr(t *testing.T) {
	secret := "s3cr3t-client-secret-value"
	err := Err(New(secret), fmt.Errorf("auth0: token %s refused: %w", secret, fs.ErrPermission))
	if strings.Contains(err.Error(), secret) || !strings.HasPrefix(err.Error(), "auth0: token ") {
		t.Errorf("Err = %q; want the secret masked", err)
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("errors.Is(Err, fs.ErrPermission) = false")
	}
	if Err(New(secret), nil) != nil {
		t.Errorf("Err(nil) is not nil")
	}
}
