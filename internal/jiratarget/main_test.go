package jiratarget

import (
	"os"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/sandbox"
)

// TestMain lets the test binary serve as the targets' sandbox worker.
func TestMain(m *testing.M) {
	sandbox.ServeIfWorker()
	os.Exit(m.Run())
}
