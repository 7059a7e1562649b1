package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
)

var (
	otherPEMOnce sync.Once
	otherPEM     []byte
)

// otherKeyPEM is a key pair the mock JIRA does not know.
func otherKeyPEM(t *testing.T) []byte {
	otherPEMOnce.Do(func() {
		k, err := keys.Generate(2048)
		require.NoError(t, err)
		otherPEM = keys.EncodePKCS8(k)
	})
	return otherPEM
}

func startMock(t *testing.T, cfg jiramock.Config) string {
	t.Helper()
	m, err := jiramock.New(cfg)
	require.NoError(t, err)
	t.Cleanup(m.Close)
	return m.URL()
}

// approveInBackground stands in for the person: it opens the authorize URL on
// a mock that auto-approves, and follows JIRA's redirect to the callback.
func approveInBackground(t *testing.T, r *liveRun) {
	u := r.authorizeURL(t)
	go func() {
		if resp, err := http.Get(u); err == nil {
			resp.Body.Close()
		}
	}()
}

// TestLiveProblems provokes the advised oauth_problems through the CLI: exit
// 1, JIRA's problem and the advice on stderr, nothing on stdout.
func TestLiveProblems(t *testing.T) {
	cases := []struct {
		name       string
		cfg        jiramock.Config
		args       func(t *testing.T) []string
		wantStderr []string
	}{
		{
			name: "another key pair",
			args: func(t *testing.T) []string { return []string{"--private-key", writeKey(t, otherKeyPEM(t))} },
			wantStderr: []string{"oauth_problem=signature_invalid", "public key in the Application Link does not match the private key",
				"JIRA reported this signature base string:", "POST&http%3A%2F%2F127.0.0.1%3A"},
		},
		{
			name:       "an unknown consumer key",
			args:       func(*testing.T) []string { return []string{"--consumer-key", "jira-auth0"} },
			wantStderr: []string{"oauth_problem=consumer_key_unknown", `no consumer with the key "jira-auth0"`, "incoming consumer key differs"},
		},
		{
			name:       "JIRA's clock ten minutes behind",
			cfg:        jiramock.Config{Now: func() time.Time { return time.Now().Add(-10 * time.Minute) }},
			args:       func(*testing.T) []string { return nil },
			wantStderr: []string{"oauth_problem=timestamp_refused", "JIRA accepts timestamps from", "ahead of JIRA's"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			run := startLive(t, startMock(t, c.cfg), c.args(t)...)
			assert.Equal(t, exit.CheckFailed, run.wait(t))
			for _, w := range c.wantStderr {
				assert.Contains(t, run.stderr.String(), w)
			}
			assert.Empty(t, run.stdout.String())
			assert.NotContains(t, run.stderr.String(), "PRIVATE KEY")
		})
	}
}

func TestLiveApprovalTimeout(t *testing.T) {
	run := startLive(t, startMock(t, jiramock.Config{}), "--approve-timeout", "100ms")
	assert.Equal(t, exit.CheckFailed, run.wait(t))
	assert.Contains(t, run.stderr.String(), "no approval within 100ms (--approve-timeout)")
	assert.Empty(t, run.stdout.String())
}

func TestLiveTokenMismatch(t *testing.T) {
	run := startLive(t, startMock(t, jiramock.Config{}))
	run.authorizeURL(t)
	m := regexp.MustCompile(`approval at (http://\S+/callback)`).FindStringSubmatch(run.stderr.String())
	require.NotNil(t, m, run.stderr.String())
	resp, err := http.Get(m[1] + "?oauth_token=notThisRunsToken&oauth_verifier=abc123")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, exit.CheckFailed, run.wait(t))
	assert.Contains(t, run.stderr.String(), "another request token")
}

var oobVerifierRe = regexp.MustCompile(`id="oauth_verifier">([^<]*)<`)

func TestLiveOOB(t *testing.T) {
	jira := startMock(t, jiramock.Config{AutoApprove: "fred"})
	stdin, typist := io.Pipe()
	defer typist.Close()
	run := startLiveIn(t, stdin, jira, "--oob")
	u := run.authorizeURL(t)
	assert.Contains(t, run.stderr.String(), "callback oob")

	resp, err := http.Get(u) // JIRA shows the verifier instead of redirecting
	require.NoError(t, err)
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := oobVerifierRe.FindSubmatch(page)
	require.NotNil(t, m, string(page))
	_, err = io.WriteString(typist, string(m[1])+"\n")
	require.NoError(t, err)

	assert.Equal(t, exit.OK, run.wait(t), run.stderr.String())
	assert.Contains(t, run.stderr.String(), "Paste the verifier")
	assert.Contains(t, run.stderr.String(), "bridge: got the verifier; asking ")
	assert.Contains(t, run.stdout.String(), `"user_id": "fred"`)
}

// TestLiveScriptAndProfile: after the dance, the script's outcome and the
// profile's checks decide the exit code, as in bridge run.
func TestLiveScriptAndProfile(t *testing.T) {
	noUserID := "function(token, tokenSecret, ctx, cb) { cb(null, {name: 'x'}); }\n"
	cases := []struct {
		name       string
		cfg        jiramock.Config
		script     string
		extra      []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{name: "shipped script", cfg: jiramock.Config{AutoApprove: "fred"}, wantCode: exit.OK, wantStdout: `"user_id": "fred"`},
		// A 5xx from JIRA is JIRA failing (exit 3); any other
		// answer the script cannot use is the script failing (exit 1).
		{name: "JIRA fails the session call", cfg: jiramock.Config{AutoApprove: "fred", Faults: jiramock.Faults{jiramock.EndpointSession: {Status: 500}}},
			wantCode: exit.Remote, wantStderr: "bridge: JIRA failed (GET http://"},
		{name: "JIRA has no such user", cfg: jiramock.Config{AutoApprove: "fred", Faults: jiramock.Faults{jiramock.EndpointUser: {Status: 404}}},
			wantCode: exit.CheckFailed, wantStderr: "/rest/api/2/user"},
		{name: "a profile without user_id", cfg: jiramock.Config{AutoApprove: "fred"}, script: noUserID, wantCode: exit.CheckFailed, wantStderr: "user_id"},
		{name: "--json", cfg: jiramock.Config{AutoApprove: "fred"}, extra: []string{"--json"}, wantCode: exit.OK, wantStdout: `"outcome": "profile"`},
		{name: "--timeout", cfg: jiramock.Config{AutoApprove: "fred"}, script: "function(token, tokenSecret, ctx, cb) { setTimeout(function() { cb(null, {user_id: 'late'}); }, 10000); }\n",
			extra: []string{"--timeout", "50ms"}, wantCode: exit.CheckFailed, wantStderr: "timeout: the script did not call cb within 50ms"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			extra := c.extra
			if c.script != "" {
				path := filepath.Join(t.TempDir(), "script.js")
				require.NoError(t, os.WriteFile(path, []byte(c.script), 0o600))
				extra = append(extra, "--script", path)
			}
			run := startLive(t, startMock(t, c.cfg), extra...)
			approveInBackground(t, run)
			assert.Equal(t, c.wantCode, run.wait(t), run.stderr.String())
			assert.Contains(t, run.stdout.String(), c.wantStdout)
			assert.Contains(t, run.stderr.String(), c.wantStderr)
			if c.wantCode == exit.OK && !strings.Contains(strings.Join(extra, " "), "--json") {
				var v map[string]any
				assert.NoError(t, json.Unmarshal([]byte(run.stdout.String()), &v), "stdout is the profile alone")
			}
		})
	}
}

// TestLiveSaveToken: --save-token writes a 0600 token file that
// `bridge run --token-file` then uses.
func TestLiveSaveToken(t *testing.T) {
	jira := startMock(t, jiramock.Config{AutoApprove: "jdoe"})
	tokenFile := filepath.Join(t.TempDir(), "jira-token.json")
	run := startLive(t, jira, "--save-token", tokenFile)
	approveInBackground(t, run)
	require.Equal(t, exit.OK, run.wait(t), run.stderr.String())

	info, err := os.Stat(tokenFile)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	var tf map[string]string
	data, err := os.ReadFile(tokenFile)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &tf))
	assert.Equal(t, jira, tf["jira_url"])
	assert.Equal(t, bridge.DefaultConsumerKey, tf["consumer_key"])
	assert.Len(t, tf["token"], 32)
	assert.Len(t, tf["token_secret"], 32)
	assert.NotContains(t, run.stderr.String()+run.stdout.String(), tf["token_secret"], "the token secret is never printed")
	assert.Contains(t, run.stderr.String(), "bridge run --token-file "+tokenFile)

	// Later, e.g. in CI: bridge run with the saved token, no browser.
	var stdout, stderr strings.Builder
	code := Main([]string{"run", "--token-file", tokenFile, "--private-key", writeKey(t, bridge.TestPrivateKeyPEM)},
		strings.NewReader(""), &stdout, &stderr)
	assert.Equal(t, exit.OK, code, stderr.String())
	assert.Contains(t, stdout.String(), `"user_id": "jdoe"`)
	assert.Contains(t, stderr.String(), "request: GET "+jira+"/rest/auth/1/session -> 200")
	assert.NotContains(t, stdout.String()+stderr.String(), tf["token_secret"])
}

// TestLiveJSONProblem: with --json a failed dance is also a JSON object on
// stdout, for machines.
func TestLiveJSONProblem(t *testing.T) {
	run := startLive(t, startMock(t, jiramock.Config{}), "--json", "--consumer-key", "unknown-consumer")
	assert.Equal(t, exit.CheckFailed, run.wait(t))
	var out struct {
		Error struct {
			Kind, Step, Advice string
			Status             int
		} `json:"error"`
	}
	require.NoError(t, json.Unmarshal([]byte(run.stdout.String()), &out), run.stdout.String())
	assert.Equal(t, "oauth_problem", out.Error.Kind)
	assert.Equal(t, "request token", out.Error.Step)
	assert.Equal(t, 401, out.Error.Status)
	assert.Contains(t, out.Error.Advice, "incoming consumer key differs")
	assert.Contains(t, run.stdout.String(), `"oauth_problem": "consumer_key_unknown"`)
}

// TestLiveJIRAFailing: a JIRA that fails (5xx without an oauth_problem) is a
// remote failure, exit 3. The mock never fails its OAuth endpoints, so a
// stand-in does.
func TestLiveJIRAFailing(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "upstream connect error", http.StatusBadGateway)
	}))
	defer srv.Close()
	run := startLive(t, srv.URL)
	assert.Equal(t, exit.Remote, run.wait(t))
	assert.Contains(t, run.stderr.String(), "JIRA answered HTTP 502: upstream connect error")
	assert.Empty(t, run.stdout.String())
}
