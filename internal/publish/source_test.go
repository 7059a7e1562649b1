package publish

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// TestOAuth1Source: the source publishes the validated body, whose script
// is Rendered, and the suite signs with the connection's key (TestPrepare
// runs that suite).
func TestOAuth1Source(t *testing.T) {
	s := validated(t, "")
	var body struct {
		Name    string `json:"name"`
		Options struct {
			ClientID string            `json:"client_id"`
			Scripts  map[string]string `json:"scripts"`
		} `json:"options"`
	}
	if err := json.Unmarshal(s.Body, &body); err != nil {
		t.Fatal(err)
	}
	if body.Name != s.Name || body.Options.Scripts["fetchUserProfile"] != s.Rendered || !strings.Contains(s.Rendered, "https://jira.example.com") {
		t.Errorf("body %+v does not hold the source's name and rendered script", body)
	}
	if s.Verify.ConsumerKey != "auth0-jira" || body.Options.ClientID != "auth0-jira" || s.Verify.PrivateKey == nil || s.Verify.PrivateKeyPEM == "" || s.Verify.Protocol != "" {
		t.Errorf("Verify = %+v; want the connection's consumer and key, protocol oauth1", s.Verify)
	}
}

// TestOAuth2Source: an oauth2 connection's source verifies its own script
// on the OAuth 2.0 mock of its flavour, and Prepare accepts it.
func TestOAuth2Source(t *testing.T) {
	src, err := scriptsrc.LoadFor("", "oauth2", "server")
	if err != nil {
		t.Fatal(err)
	}
	v, err := connection.ValidateOAuth2(connection.OAuth2Params{Flavor: connection.FlavorServer, JIRAURL: "https://jira.example.com",
		ClientID: "o2-client", ClientSecret: o2Secret, Script: src.Text, ScriptName: src.Name})
	if err != nil {
		t.Fatal(err)
	}
	s := OAuth2Source(v, jiramock.Server)
	if !bytes.Equal(s.Body, v.Body().JSON()) || s.Rendered != v.Rendered || s.Verify.Protocol != "oauth2" || s.Verify.Flavor != jiramock.Server {
		t.Errorf("OAuth2Source = %+v", s)
	}
	var stderr bytes.Buffer
	plan, err := Prepare(s, "", &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Verify(context.Background()); err != nil || !strings.Contains(stderr.String(), "as an OAuth 2.0 (server) script") {
		t.Errorf("Verify = %v\n%s", err, stderr.String())
	}
}
