package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/version"
)

// TestVersion: the --version line, or the Info as JSON.
func TestVersion(t *testing.T) {
	v := version.Info{Version: "v1.2.3", Commit: "abc1234", GoVersion: "go1.26"}
	var text, js bytes.Buffer
	if err := Version(&text, v, false); err != nil || text.String() != "bridge v1.2.3 (commit abc1234, go1.26)\n" {
		t.Errorf("text = %q, %v", text.String(), err)
	}
	var back version.Info
	if err := Version(&js, v, true); err != nil || json.Unmarshal(js.Bytes(), &back) != nil || back != v {
		t.Errorf("JSON = %q, %v", js.String(), err)
	}
}
