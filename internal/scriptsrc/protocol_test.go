package scriptsrc

import (
	"errors"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
)

func TestShippedFor(t *testing.T) {
	if ShippedFor("oauth1", "cloud") != Shipped() || ShippedFor("oauth2", "server").Text != bridge.ShippedOAuth2ServerScript ||
		ShippedFor("oauth2", "cloud").Text != bridge.ShippedOAuth2CloudScript {
		t.Error("ShippedFor picks the wrong script")
	}
	for _, s := range []string{bridge.ShippedScript, bridge.ShippedOAuth2ServerScript, bridge.ShippedOAuth2CloudScript} {
		if !IsShipped(s) {
			t.Error("a shipped script is not IsShipped")
		}
	}
}

// The Cloud script names api.atlassian.com, which the host map covers; any
// other literal URL is still refused.
func TestLiteralURLAllowsAtlassianHosts(t *testing.T) {
	if err := ShippedFor("oauth2", "cloud").LiteralURL(); err != nil {
		t.Errorf("shipped Cloud script: %v", err)
	}
	src := Source{Name: "s.js", Text: "var a = 'https://api.atlassian.com/me';\nvar b = 'https://jira.example.com/rest';"}
	var le *LiteralURLError
	if err := src.LiteralURL(); !errors.As(err, &le) || le.URL != "https://jira.example.com/rest" || le.Line != 2 {
		t.Errorf("LiteralURL = %v; want the JIRA URL on line 2", err)
	}
}
