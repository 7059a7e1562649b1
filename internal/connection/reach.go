package connection

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// Resolver looks host names up; *net.Resolver is one.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// ResolveTimeout bounds the DNS lookup of ReachabilityWarning.
const ResolveTimeout = 2 * time.Second

// ReachabilityWarning returns a warning when Auth0, which calls JIRA from the
// internet, cannot reach jiraURL's host: localhost, a *.localhost name, or a
// name or address that is loopback, private (RFC 1918, fc00::/7), link-local
// or unspecified. It returns "" otherwise, and also when the lookup fails or
// times out: a DNS problem here is not a reason to stop. r nil means
// net.DefaultResolver.
func ReachabilityWarning(ctx context.Context, jiraURL string, r Resolver) string {
	u, err := url.Parse(jiraURL)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	warn := func(why string) string {
		return fmt.Sprintf("Auth0 calls JIRA from the internet and cannot reach %s (%s): the login will fail unless JIRA is reachable from the internet at that address", host, why)
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return warn("this machine")
	}
	if addr, err := netip.ParseAddr(host); err == nil {
		if why := unreachable(addr); why != "" {
			return warn(why)
		}
		return ""
	}
	if r == nil {
		r = net.DefaultResolver
	}
	ctx, cancel := context.WithTimeout(ctx, ResolveTimeout)
	defer cancel()
	addrs, err := r.LookupNetIP(ctx, "ip", host)
	if err != nil || len(addrs) == 0 {
		return ""
	}
	// Only when every address is out of reach: a name with a public address
	// too may well be reachable.
	var why string
	for _, a := range addrs {
		w := unreachable(a)
		if w == "" {
			return ""
		}
		if why == "" {
			why = "resolves to " + w + " " + a.Unmap().String()
		}
	}
	return warn(why)
}

// unreachable says why addr cannot be reached from the internet, or "".
func unreachable(addr netip.Addr) string {
	addr = addr.Unmap()
	switch {
	case addr.IsLoopback():
		return "loopback address"
	case addr.IsPrivate():
		return "private address"
	case addr.IsLinkLocalUnicast():
		return "link-local address"
	case addr.IsUnspecified():
		return "unspecified address"
	}
	return ""
}
