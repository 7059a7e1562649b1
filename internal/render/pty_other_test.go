//go:build !linux

package render

import (
	"os"
	"testing"
)

// openPTY: the pseudo-terminal test runs on Linux only.
func openPTY(t *testing.T) *os.File {
	t.Skip("the pseudo-terminal test runs on Linux")
	return nil
}
