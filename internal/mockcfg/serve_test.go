package mockcfg

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// Serve prints the base URL alone on stdout first, then the banner of the
// protocol on stderr, serves until the context ends and says so.
func TestServe(t *testing.T) {
	for _, tc := range []struct{ protocol, banner string }{{"oauth1", "consumer: auth0-jira, RSA-SHA1"}, {"oauth2", "client: --jira-client-id"}} {
		ctx, cancel := context.WithCancel(context.Background())
		outR, outW := io.Pipe()
		var stderr, log testenv.SyncBuffer
		done := make(chan error, 1)
		f := Flags{Addr: "127.0.0.1:0", Flavor: "server", ConsumerKey: "auth0-jira", Protocol: tc.protocol}
		go func() { done <- f.Serve(ctx, &log, outW, &stderr); outW.Close() }()
		base, err := bufio.NewReader(outR).ReadString('\n')
		if err != nil || !strings.HasPrefix(base, "http://127.0.0.1:") {
			t.Fatalf("%s: first line of stdout %q, %v; want the base URL", tc.protocol, base, err)
		}
		resp, err := http.Get(strings.TrimSpace(base) + "/rest/api/2/myself")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("%s: %v", tc.protocol, err)
		}
		if !strings.Contains(stderr.String(), tc.banner) || !strings.HasSuffix(stderr.String(), "bridge: mock stopped\n") {
			t.Errorf("%s: stderr %q; want the banner, then the stop", tc.protocol, stderr.String())
		}
		if !strings.Contains(log.String(), "/rest/api/2/myself") {
			t.Errorf("%s: request log %q; want the request", tc.protocol, log.String())
		}
	}
}

// Bad flags are a *FlagError; a mock that cannot start, a *StartError
// without jiramock's package prefix.
func TestServeErrors(t *testing.T) {
	var fe *FlagError
	if err := (Flags{Flavor: "dc", ConsumerKey: "k"}).Serve(context.Background(), nil, io.Discard, io.Discard); !errors.As(err, &fe) {
		t.Errorf("flavor dc: %v; want a *FlagError", err)
	}
	var se *StartError
	err := Flags{Addr: "127.0.0.1:0", Flavor: "server", ConsumerKey: "k", ContextPath: "jira"}.Serve(context.Background(), nil, io.Discard, io.Discard)
	if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), `context path "jira": write it like /jira`) {
		t.Errorf("context path jira: %v; want a *StartError with jiramock's message", err)
	}
}
