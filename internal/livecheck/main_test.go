package livecheck

import (
	"os"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/sandbox"
)

// TestMain lets the test binary serve as the checks' sandbox worker.
func TestMain(m *testing.M) {
	if os.Getenv(sandbox.WorkerEnv) == "1" {
		sandbox.ServeWorker(os.Stdin, os.Stdout)
	}
	os.Exit(m.Run())
}
