package script

import (
	"net"
	"net/url"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/wire"
)

// AtlassianHosts are the hosts an Atlassian Cloud OAuth 2.0 (3LO) script
// calls by name: api.atlassian.com for /me and the Jira REST API below
// /ex/jira/{cloudid}, auth.atlassian.com for the token endpoint
// (docs/jira.md "OAuth 2.0"). They are the allow-list of a Cloud run.
var AtlassianHosts = []string{"api.atlassian.com", "auth.atlassian.com"}

// MapHosts returns an Options.HostMap that sends each of hosts to base, a
// URL such as the mock's "http://127.0.0.1:41234": a Cloud script calling
// https://api.atlassian.com/me then reaches base's /me.
func MapHosts(base string, hosts ...string) map[string]string {
	m := make(map[string]string, len(hosts))
	for _, h := range hosts {
		m[strings.ToLower(h)] = strings.TrimRight(base, "/")
	}
	return m
}

// mapHost rewrites req to the target Options.HostMap names for its host (the
// host alone, any port and scheme), and returns that target's origin for the
// request log, or "" when the host is not mapped. The script keeps seeing
// the URL it asked for: only where the bytes go changes (its Host header
// stays the one it sent).
func mapHost(hostMap map[string]string, req *wire.Request) string {
	target, ok := hostMap[strings.ToLower(req.Host)]
	if !ok {
		return ""
	}
	u, err := url.Parse(target)
	if err != nil || u.Host == "" {
		return ""
	}
	req.Scheme, req.Host, req.Port = u.Scheme, u.Hostname(), portOf(u.Scheme, u.Port())
	return u.Scheme + "://" + net.JoinHostPort(req.Host, req.Port)
}
