package livecheck

import (
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

func TestWarn(t *testing.T) {
	testKey, err := keys.ParsePrivateKey(bridge.TestPrivateKeyPEM, "test.key")
	if err != nil {
		t.Fatal(err)
	}
	ownKey, err := keys.Generate(keys.MinBits)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		url       string
		test      bool
		wantPlain bool
	}{
		{"https://jira.example.com", false, false},
		{"http://jira.example.com", false, true},
		{"http://127.0.0.1:8080/jira", false, false}, // this machine: nothing crosses the network
		{"http://localhost:8080", true, false},
		{"https://jira.example.com", true, false},
	} {
		key := ownKey
		if tc.test {
			key = testKey
		}
		var w strings.Builder
		Warn(&w, tc.url, key)
		if got := strings.Contains(w.String(), tc.url+" is plain http"); got != tc.wantPlain {
			t.Errorf("%s: plain-http warning %v, want %v:\n%s", tc.url, got, tc.wantPlain, w.String())
		}
		if got := strings.Contains(w.String(), "public test key"); got != tc.test {
			t.Errorf("%s: test-key warning %v, want %v:\n%s", tc.url, got, tc.test, w.String())
		}
	}
}
