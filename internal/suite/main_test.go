package suite

import (
	"os"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/sandbox"
)

// TestMain lets the test binary serve as the suite's sandbox worker, so the
// tests need no built bridge binary.
func TestMain(m *testing.M) {
	sandbox.ServeIfWorker()
	os.Exit(m.Run())
}
