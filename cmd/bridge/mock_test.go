package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/mockcfg"
)

// lockedBuffer is a bytes.Buffer safe to write from the mock and read here.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestMockServes: bridge mock prints its base URL alone on stdout at once,
// describes itself on stderr, serves (with -v logging each request), and
// stops cleanly when its context ends (SIGINT/SIGTERM in Main).
func TestMockServes(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	stderr := &lockedBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- runMock(ctx, mockOptions{Flags: mockcfg.Flags{Addr: "127.0.0.1:0", Flavor: "cloud", ConsumerKey: "auth0-jira"}, verbose: true}, outW, stderr)
		outW.Close()
	}()
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	base := strings.TrimSuffix(line, "\n")
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+$`).MatchString(base) {
		t.Fatalf("first stdout line %q is not the base URL", line)
	}
	resp, err := http.Get(base + "/rest/api/2/myself")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("anonymous myself: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("runMock: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("bridge mock did not stop when its context ended")
	}
	rest, _ := io.ReadAll(outR)
	if len(rest) != 0 {
		t.Errorf("stdout has more than the URL: %q", rest)
	}
	for _, want := range []string{
		"mock JIRA (cloud) at " + base,
		"consumer: auth0-jira, RSA-SHA1, 2048-bit public key",
		"5b10a2844c20165700ede21g  Mia Krystof <mia@example.com>",
		"Private Person <no email>",
		"GET /rest/api/2/myself -> 401, anonymous (no complete set of OAuth parameters)",
		"bridge: mock stopped",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := http.Get(base + "/rest/api/2/myself"); err == nil {
		t.Error("the mock still answers after it stopped")
	}
}

func TestMockBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var stdout, stderr bytes.Buffer
	code := Main([]string{"mock", "--addr", ln.Addr().String()}, strings.NewReader(""), &stdout, &stderr)
	if code != exit.Usage {
		t.Errorf("exit %d, want %d", code, exit.Usage)
	}
	if want := "address " + ln.Addr().String() + " is already in use"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", stderr.String(), want)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout %q, want nothing", stdout.String())
	}
}

// TestMockContextPath: with --context-path /jira the base URL on stdout ends
// with the path, JIRA answers below it, and nothing answers outside it.
func TestMockContextPath(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	stderr := &lockedBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- runMock(ctx, mockOptions{Flags: mockcfg.Flags{Addr: "127.0.0.1:0", Flavor: "server", ConsumerKey: "auth0-jira", ContextPath: "/jira"}}, outW, stderr)
		outW.Close()
	}()
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatalf("no base URL on stdout: %v; stderr:\n%s", err, stderr)
	}
	base := strings.TrimSuffix(line, "\n")
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+/jira$`).MatchString(base) {
		t.Fatalf("first stdout line %q is not the base URL with /jira", line)
	}
	host := strings.TrimSuffix(base, "/jira")
	for _, c := range []struct {
		method, url string
		status      int
	}{
		{"GET", base + "/rest/api/2/myself", http.StatusUnauthorized},                  // JIRA: unsigned, anonymous
		{"POST", base + "/plugins/servlet/oauth/request-token", http.StatusBadRequest}, // JIRA: no OAuth parameters
		{"GET", host + "/rest/api/2/myself", http.StatusNotFound},                      // outside the context path
		{"POST", host + "/plugins/servlet/oauth/request-token", http.StatusNotFound},
	} {
		req, _ := http.NewRequest(c.method, c.url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("%s %s: %d; want %d", c.method, c.url, resp.StatusCode, c.status)
		}
	}
	if want := "request token:  POST " + base + "/plugins/servlet/oauth/request-token"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("runMock: %v", err)
	}
}
