package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge/internal/cliflags"
	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

// TestLiveScriptIsPublishedScript: for the same --jira-url, the script `live`
// runs is byte for byte the script `publish` sends (options.scripts.
// fetchUserProfile), and a URL one refuses the other refuses too (internal/jira).
func TestLiveScriptIsPublishedScript(t *testing.T) {
	keyPEM, err := os.ReadFile(filepath.Join("..", "..", "internal", "keys", "testdata", "pkcs8.key"))
	require.NoError(t, err)
	custom := filepath.Join(t.TempDir(), "custom.js")
	require.NoError(t, os.WriteFile(custom, []byte("function(t, s, ctx, cb) { cb(null, {user_id: 'JIRA_URL', u: 'JIRA_URL/rest'}); }"), 0o600))
	urls := []string{
		"https://jira.example.com",
		"https://jira.example.com/",
		" https://jira.example.com",
		"  HTTPS://Jira.Example.COM:8443/jira/ ",
		"http://10.0.0.5:8080/jira//",
		"https://jira.example.com/jíra",
		"https://jira.example.com/a b",
		"https://jira.example.com?x=1",
		"jira.example.com",
	}
	for _, scriptPath := range []string{"", custom} {
		for _, raw := range urls {
			t.Run(filepath.Base(scriptPath)+" "+raw, func(t *testing.T) {
				p := connection.Params{JIRAURL: raw, ConsumerKey: "auth0-jira", PrivateKeyPEM: string(keyPEM), PrivateKeySource: "pkcs8.key"}
				if scriptPath != "" {
					p.Script, p.ScriptName = "function(t, s, ctx, cb) { cb(null, {user_id: 'JIRA_URL', u: 'JIRA_URL/rest'}); }", scriptPath
				}
				published, pubErr := connection.Validate(p)
				f := &liveFlags{jira: cliflags.JIRA{URL: raw, ConsumerKey: "k", PrivateKey: "f"}, runtime: cliflags.Runtime{Script: scriptPath, Timeout: 1, MaxMemory: "64MiB"}, approveTimeout: 1}
				_, liveErr := f.check(nil)
				if pubErr != nil {
					assert.ErrorIs(t, pubErr, connection.ErrJIRAURL)
					require.Error(t, liveErr, "publish refuses %q, so must live", raw)
					assert.Contains(t, liveErr.Error(), "--jira-url")
					return
				}
				require.NoError(t, liveErr, "publish accepts %q, so must live", raw)
				base, err := jira.NormalizeBaseURL(raw) // as runLive does
				require.NoError(t, err)
				prog, err := f.compile(base)
				require.NoError(t, err)
				assert.Equal(t, published.Rendered, prog.Source())
			})
		}
	}
}
