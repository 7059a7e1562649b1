package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/render"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKeygenPrintsTheWrittenPair checks that the public key keygen prints is
// the one in PREFIX.pub, and that PREFIX.pub belongs to PREFIX.key.
func TestKeygenPrintsTheWrittenPair(t *testing.T) {
	prefix := filepath.Join(t.TempDir(), "jira")
	for _, asJSON := range []bool{false, true} {
		var stdout, stderr bytes.Buffer
		args := []string{"keygen", "--out", prefix, "--force", "--domain", "t.auth0.com"}
		if asJSON {
			args = append(args, "--json")
		}
		require.Equal(t, exit.OK, Main(args, nil, &stdout, &stderr), stderr.String())

		priv, _, err := keys.LoadPrivateKey(prefix + ".key")
		require.NoError(t, err)
		pub, err := keys.LoadPublicKey(prefix + ".pub")
		require.NoError(t, err)
		assert.True(t, keys.Matches(priv, pub))
		pubPEM, err := os.ReadFile(prefix + ".pub")
		require.NoError(t, err)

		if asJSON {
			var res render.LinkSettings
			require.NoError(t, json.Unmarshal(stdout.Bytes(), &res))
			assert.Equal(t, string(pubPEM), res.PublicKey)
			assert.Equal(t, "https://t.auth0.com/login/callback", res.CallbackURL)
		} else {
			assert.True(t, strings.HasSuffix(stdout.String(), "\n\n"+string(pubPEM)), "the public key ends the settings, ready to copy")
		}
		keyPEM, err := os.ReadFile(prefix + ".key")
		require.NoError(t, err)
		for _, line := range strings.Split(strings.TrimSpace(string(keyPEM)), "\n")[1:] {
			assert.NotContains(t, stdout.String()+stderr.String(), line, "no private key line in the output")
		}
	}
}
