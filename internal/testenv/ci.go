package testenv

import (
	"os"
	"testing"
)

// CI reports whether the tests run under CI (CI=true, as .ci/run and GitHub
// Actions set it), where nothing a test needs may be missing.
func CI() bool { return os.Getenv("CI") == "true" }

// Missing stops t because something it needs is absent: it fails the test
// under CI=true, and skips it elsewhere. The message should say how to get
// the missing piece (for example `make node-deps`).
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if CI() {
		t.Fatalf(format+" (CI=true: this test must not be skipped)", args...)
	}
	t.Skipf(format, args...)
}
