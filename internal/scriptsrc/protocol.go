package scriptsrc

import "github.com/jira-auth0-bridge/bridge"

// ShippedFor is the shipped script of a protocol and flavour: Shipped for
// oauth1, scripts/oauth2/server.js or scripts/oauth2/cloud.js for oauth2.
func ShippedFor(protocol, flavor string) Source {
	switch {
	case protocol != "oauth2":
		return Shipped()
	case flavor == "cloud":
		return Source{Name: bridge.ShippedOAuth2CloudScriptName, Text: bridge.ShippedOAuth2CloudScript}
	}
	return Source{Name: bridge.ShippedOAuth2ServerScriptName, Text: bridge.ShippedOAuth2ServerScript}
}

// LoadFor is Load with ShippedFor(protocol, flavor) when path is "".
func LoadFor(path, protocol, flavor string) (Source, error) {
	if path == "" {
		return ShippedFor(protocol, flavor), nil
	}
	return Load(path)
}

// atlassianHost reports whether the URL u is on one of Atlassian Cloud's API
// hosts, which bridge maps to the mock in test and run.
func atlassianHost(u string) bool {
	o := origin(u)
	return o == "https://api.atlassian.com" || o == "https://auth.atlassian.com"
}

// IsShipped reports whether text is one of the shipped scripts (either
// protocol, either flavour): the built-in suite's expectations belong to it.
func IsShipped(text string) bool {
	return text == bridge.ShippedScript || text == bridge.ShippedOAuth2ServerScript || text == bridge.ShippedOAuth2CloudScript
}

// ShippedKind says which shipped script text is an unchanged copy of (as
// `bridge init` writes it): its protocol and, for oauth2, its flavour.
func ShippedKind(text string) (protocol, flavor string, ok bool) {
	switch text {
	case bridge.ShippedScript:
		return "oauth1", "", true
	case bridge.ShippedOAuth2ServerScript:
		return "oauth2", "server", true
	case bridge.ShippedOAuth2CloudScript:
		return "oauth2", "cloud", true
	}
	return "", "", false
}
