package publish

import (
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/version"
)

// The HAR names bridge and its version (HAR 1.2 log.creator), the same one
// `bridge version` prints.
func TestDryRunHARCreatorVersion(t *testing.T) {
	old := version.Version
	version.Version = "v9.8.7-test"
	defer func() { version.Version = old }()
	c := (&Result{}).DryRunHAR().Log.Creator
	if c.Name != "bridge" || c.Version != "v9.8.7-test" {
		t.Fatalf("creator = %+v, want bridge v9.8.7-test", c)
	}
}
