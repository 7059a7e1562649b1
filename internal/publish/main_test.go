package publish

import (
	"os"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/sandbox"
)

// TestMain lets the test binary serve as the sandbox worker of the suites it
// runs (internal/sandbox).
func TestMain(m *testing.M) {
	sandbox.ServeIfWorker()
	os.Exit(m.Run())
}
