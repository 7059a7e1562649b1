package script

import (
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"
)

// netPolicy is the sandbox's network rule: a script may reach only the JIRA
// host, so a test script cannot send the private key anywhere.
type netPolicy struct {
	exact map[string]bool // "host:port"
	any   map[string]bool // "host": any port
	names []string
}

// newNetPolicy allows opts.AllowedHosts, or the hosts of the ctx URLs.
func newNetPolicy(opts Options) *netPolicy {
	p := &netPolicy{exact: map[string]bool{}, any: map[string]bool{}}
	add := func(hostport string) {
		hostport = strings.ToLower(strings.TrimSpace(hostport))
		if hostport == "" {
			return
		}
		p.names = append(p.names, hostport)
		if h, port, err := net.SplitHostPort(hostport); err == nil {
			p.exact[net.JoinHostPort(h, port)] = true
			return
		}
		p.any[strings.Trim(hostport, "[]")] = true
	}
	if len(opts.AllowedHosts) > 0 {
		for _, h := range opts.AllowedHosts {
			add(h)
		}
	} else {
		for _, raw := range []string{opts.Ctx.RequestTokenURL, opts.Ctx.AccessTokenURL, opts.Ctx.UserAuthorizationURL} {
			u, err := url.Parse(raw)
			if err != nil || u.Host == "" {
				continue
			}
			add(net.JoinHostPort(u.Hostname(), portOf(u.Scheme, u.Port())))
		}
	}
	sort.Strings(p.names)
	p.names = compact(p.names)
	return p
}

func portOf(scheme, port string) string {
	if port != "" {
		return port
	}
	if strings.EqualFold(scheme, "https") {
		return "443"
	}
	return "80"
}

func compact(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// allows reports whether host (no brackets) and port may be reached.
func (p *netPolicy) allows(host, port string) bool {
	host = strings.ToLower(host)
	return p.exact[net.JoinHostPort(host, port)] || p.any[host]
}

// blocked is the error a request to a host outside the policy fails with: a
// Node-style network error (code EACCES, syscall connect) naming the host, so
// that node-oauth's network-error path (docs/node-oauth.md: cb(err)) is taken.
func (p *netPolicy) blocked(host, port string) *netError {
	allowed := "no host at all"
	if len(p.names) > 0 {
		allowed = "only " + strings.Join(p.names, ", ")
	}
	return &netError{
		Code: "EACCES", Errno: -13, Syscall: "connect", Address: host, Port: port,
		Message: fmt.Sprintf("connect EACCES %s - blocked by the bridge sandbox: a script may reach %s (the JIRA host)",
			net.JoinHostPort(host, port), allowed),
	}
}
