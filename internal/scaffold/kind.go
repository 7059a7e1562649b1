package scaffold

import (
	"encoding/json"

	"github.com/jira-auth0-bridge/bridge"
)

// Kind is the protocol and, for oauth2, the flavour of the suite init
// starts. The zero Kind is OAuth 1.0a, the cases of both flavours.
type Kind struct {
	Protocol string // "oauth1" (or "") or "oauth2"
	Flavor   string // oauth2: "server" (or "") or "cloud"
}

func (k Kind) oauth2() bool { return k.Protocol == "oauth2" }

func (k Kind) cloud() bool { return k.Flavor == "cloud" }

// script is the shipped script of k.
func (k Kind) script() string {
	switch {
	case !k.oauth2():
		return bridge.ShippedScript
	case k.cloud():
		return bridge.ShippedOAuth2CloudScript
	}
	return bridge.ShippedOAuth2ServerScript
}

// keeps reports whether the case file data is one of k's: its "protocol"
// (default oauth1) and, for oauth2, its "flavor" (default server).
func (k Kind) keeps(data []byte) bool {
	var c struct{ Protocol, Flavor string }
	if json.Unmarshal(data, &c) != nil {
		return false
	}
	if (c.Protocol == "oauth2") != k.oauth2() {
		return false
	}
	return !k.oauth2() || (c.Flavor == "cloud") == k.cloud()
}
