package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// TestEither: Run and Publish pick the JSON or the text rendering.
func TestEither(t *testing.T) {
	res := &script.Result{Outcome: script.KindProfile, Profile: json.RawMessage(`{"user_id":"fred"}`)}
	var js, text, stderr bytes.Buffer
	if err := Run(&js, &stderr, res, nil, nil, true); err != nil || !json.Valid(js.Bytes()) || !strings.Contains(js.String(), `"outcome": "profile"`) {
		t.Fatalf("Run as JSON: %v %q", err, js.String())
	}
	if err := Run(&text, &stderr, res, nil, nil, false); err != nil || json.Valid(text.Bytes()) && strings.Contains(text.String(), `"outcome"`) {
		t.Fatalf("Run as text: %v %q", err, text.String())
	}
	tenant, err := auth0.ParseTenant("example.eu.auth0.com")
	if err != nil {
		t.Fatal(err)
	}
	pr := &publish.Result{Action: publish.Created, Name: "jira", ConnectionID: "con_1", Changes: []string{}}
	js.Reset()
	text.Reset()
	if err := Publish(&js, pr, tenant, true); err != nil || !json.Valid(js.Bytes()) {
		t.Fatalf("Publish as JSON: %v %q", err, js.String())
	}
	if err := Publish(&text, pr, tenant, false); err != nil || !strings.HasPrefix(text.String(), "created jira (con_1)") {
		t.Fatalf("Publish as text: %v %q", err, text.String())
	}
}
