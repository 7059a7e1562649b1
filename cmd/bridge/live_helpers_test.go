package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge"
)

// watchWriter collects what bridge writes to stderr and hands over the first
// authorize URL in it.
type watchWriter struct {
	mu   sync.Mutex
	buf  strings.Builder
	once sync.Once
	url  chan string
}

var authorizeURLRe = regexp.MustCompile(`https?://\S+/plugins/servlet/oauth/authorize\?\S+`)

func newWatchWriter() *watchWriter { return &watchWriter{url: make(chan string, 1)} }

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if u := authorizeURLRe.FindString(w.buf.String()); u != "" {
		w.once.Do(func() { w.url <- u })
	}
	return len(p), nil
}

func (w *watchWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// liveRun is `bridge live` running in-process.
type liveRun struct {
	stdout strings.Builder
	stderr *watchWriter
	done   chan int
}

// startLive runs `bridge live --no-browser` against jiraURL in the background
// with the test key and extra flags (later flags win).
func startLive(t *testing.T, jiraURL string, extra ...string) *liveRun {
	return startLiveIn(t, strings.NewReader(""), jiraURL, extra...)
}

// startLiveIn is startLive with stdin.
func startLiveIn(t *testing.T, stdin io.Reader, jiraURL string, extra ...string) *liveRun {
	t.Helper()
	args := append([]string{"live", "--no-browser", "--jira-url", jiraURL,
		"--consumer-key", bridge.DefaultConsumerKey, "--private-key", writeKey(t, bridge.TestPrivateKeyPEM), "--approve-timeout", "30s"}, extra...)
	r := &liveRun{stderr: newWatchWriter(), done: make(chan int, 1)}
	go func() { r.done <- Main(args, stdin, &r.stdout, r.stderr) }()
	return r
}

// writeKey writes a private key PEM to a file of its own and returns its path.
func writeKey(t *testing.T, pemBytes []byte) string {
	t.Helper()
	keyFile := filepath.Join(t.TempDir(), "key.pem")
	require.NoError(t, os.WriteFile(keyFile, pemBytes, 0o600))
	return keyFile
}

// authorizeURL waits for bridge to print the authorize URL.
func (r *liveRun) authorizeURL(t *testing.T) string {
	t.Helper()
	select {
	case u := <-r.url():
		return u
	case code := <-r.done:
		t.Fatalf("bridge live exited %d before printing the authorize URL; stderr:\n%s", code, r.stderr)
	case <-time.After(20 * time.Second):
		t.Fatalf("no authorize URL on stderr after 20s:\n%s", r.stderr)
	}
	return ""
}

func (r *liveRun) url() <-chan string { return r.stderr.url }

// wait waits for bridge live to exit and returns its exit code.
func (r *liveRun) wait(t *testing.T) int {
	t.Helper()
	select {
	case code := <-r.done:
		return code
	case <-time.After(30 * time.Second):
		t.Fatalf("bridge live did not exit; stderr:\n%s", r.stderr)
	}
	return -1
}
