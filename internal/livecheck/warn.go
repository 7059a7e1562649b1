package livecheck

import (
	"crypto/rsa"
	"fmt"
	"io"
	"net/url"

	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/loopback"
)

// Warn warns on w of a plain-http JIRA elsewhere than this machine (the
// OAuth tokens would cross the network in the clear) and of bridge's public
// test key, which a real JIRA must never trust.
func Warn(w io.Writer, jiraURL string, key *rsa.PrivateKey) {
	if u, _ := url.Parse(jiraURL); u.Scheme == "http" && !loopback.Host(u.Hostname()) {
		fmt.Fprintf(w, "bridge: warning: %s is plain http: the OAuth tokens cross the network in the clear; use JIRA's https URL\n", jiraURL)
	}
	if keys.IsTestKey(key) {
		fmt.Fprintln(w, "bridge: warning: --private-key is bridge's public test key; a real JIRA must never trust it")
	}
}
