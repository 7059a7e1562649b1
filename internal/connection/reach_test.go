package connection

import (
	"context"
	"errors"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
)

type fakeResolver map[string][]string

func (f fakeResolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	addrs, ok := f[host]
	if !ok {
		return nil, errors.New("no such host")
	}
	var out []netip.Addr
	for _, a := range addrs {
		out = append(out, netip.MustParseAddr(a))
	}
	return out, nil
}

func TestReachabilityWarning(t *testing.T) {
	r := fakeResolver{
		"jira.corp":        {"10.1.2.3"},
		"jira.example.com": {"93.184.216.34"},
		"split.example":    {"192.168.1.1", "93.184.216.34"},
		"v6.local":         {"fd00::1"},
		"mapped.example":   {"::ffff:127.0.0.1"},
	}
	cases := []struct{ url, want string }{
		{"http://localhost:8080", "cannot reach localhost (this machine)"},
		{"http://jira.localhost", "cannot reach jira.localhost"},
		{"http://127.0.0.1:8080/jira", "loopback address"},
		{"http://[::1]:8080", "loopback address"},
		{"https://192.168.0.10", "private address"},
		{"https://169.254.1.1", "link-local address"},
		{"https://0.0.0.0", "unspecified address"},
		{"https://jira.corp", "resolves to private address 10.1.2.3"},
		{"https://v6.local", "resolves to private address fd00::1"},
		{"https://mapped.example", "resolves to loopback address 127.0.0.1"},
		{"https://jira.example.com", ""},
		{"https://split.example", ""},
		{"https://unknown.example", ""}, // DNS failure: no warning, no error
		{"https://8.8.8.8", ""},
		{"::not a url", ""},
	}
	for _, c := range cases {
		got := ReachabilityWarning(context.Background(), c.url, r)
		if c.want == "" {
			assert.Empty(t, got, c.url)
			continue
		}
		assert.Contains(t, got, c.want, c.url)
		assert.Contains(t, got, "Auth0 calls JIRA from the internet and cannot reach", c.url)
	}
}

type blockingResolver struct{}

func (blockingResolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestReachabilityWarningCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.Empty(t, ReachabilityWarning(ctx, "https://slow.example", blockingResolver{}))
}
