// Package loopback says whether a host names this machine: "localhost" or a
// loopback IP address (127.0.0.0/8, ::1). It is the one place bridge decides
// that, for plain-http warnings (a JIRA or an Auth0 tenant on this machine
// needs no TLS) and for the OAuth callback server, which listens on this
// machine only.
//
// Names under .localhost are not counted: they are resolved, not assumed
// (RFC 6761 section 6.3 lets resolvers map them to loopback, but Go's does
// not have to).
package loopback

import "net"

// Host reports whether host (a name or an IP address, without a port or
// brackets) is this machine.
func Host(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// HostPort is Host for "host:port" or a bare host.
func HostPort(hostport string) bool {
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		return Host(host)
	}
	return Host(hostport)
}
