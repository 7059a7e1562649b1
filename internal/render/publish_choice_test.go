package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
)

// TestPublish: the text, or with asJSON the JSON object with the callback URL.
func TestPublish(t *testing.T) {
	tenant, err := auth0.ParseTenant("example.eu.auth0.com")
	if err != nil {
		t.Fatal(err)
	}
	res := &publish.Result{Action: publish.Updated, Name: "jira", ConnectionID: "con_1"}
	var got, want bytes.Buffer
	if err := Publish(&got, res, tenant, false); err != nil {
		t.Fatal(err)
	}
	PublishText(&want, res, tenant)
	if got.String() != want.String() {
		t.Errorf("Publish text = %q; want %q", got.String(), want.String())
	}
	got.Reset()
	if err := Publish(&got, res, tenant, true); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(got.Bytes(), &doc); err != nil || doc["action"] != "updated" || doc["callback_url"] != "https://example.eu.auth0.com/login/callback" {
		t.Errorf("Publish JSON = %s (%v)", got.String(), err)
	}
}
