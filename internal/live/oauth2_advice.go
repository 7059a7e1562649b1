package live

import (
	"fmt"
	"strings"
)

// Where the OAuth 2.0 credentials live (docs/jira.md "OAuth 2.0").
const (
	dcLinkPath    = "Jira Administration > Applications > Application links > (the incoming link for Auth0)"
	cloudAppWhere = "developer.atlassian.com > Developer console > (your app)"
)

// adviseOAuth2 turns an OAuth 2.0 error code (RFC 6749 §4.1.2.1, §5.2) into
// what the person should do next; desc is the server's error_description.
func adviseOAuth2(code, desc string) string {
	var b strings.Builder
	switch code {
	case "invalid_client":
		fmt.Fprintf(&b, "Jira does not accept the client id or secret. Copy both again: on Data Center from %s (its OAuth 2.0 credentials), on Cloud from %s > Settings; pass them as --jira-client-id and --jira-client-secret.", dcLinkPath, cloudAppWhere)
	case "invalid_grant":
		b.WriteString("Jira refused the authorization code or refresh token. A code is good once and for about 10 minutes; the token request must repeat the authorization's redirect URI exactly, and carry the PKCE verifier of its challenge. Run bridge live again and approve promptly; check that --redirect-uri is exactly the registered one. A refresh token is good once too (it rotates): use the one saved last.")
	case "access_denied":
		b.WriteString("The Jira user clicked Deny, or the link or app may not be used by this user. Run again and click Allow.")
	case "invalid_scope":
		fmt.Fprintf(&b, "Jira refused the scopes. Ask only for scopes the link or app has: on Data Center READ (or WRITE, ADMIN, SYSTEM_ADMIN) as selected in %s; on Cloud add read:me and read:jira-user under the app's Permissions (%s), and offline_access for a refresh token.", dcLinkPath, cloudAppWhere)
	case "unauthorized_client", "unsupported_grant_type", "unsupported_response_type":
		b.WriteString("The link or app may not use the authorization code grant. On Data Center make it an incoming link of an external application; on Cloud enable OAuth 2.0 (3LO) under the app's Authorization.")
	case "invalid_request":
		b.WriteString("Jira says the request is malformed. On Cloud the authorization URL needs audience=api.atlassian.com and prompt=consent (Auth0: the connection's authParams); everywhere, the redirect URI must be exactly the registered one.")
	default:
		fmt.Fprintf(&b, "Jira refused the request with error=%s. Check the client id and secret, the redirect URI and the scopes of the link or app, and run again.", code)
	}
	if desc != "" {
		fmt.Fprintf(&b, "\nJira adds: %s", desc)
	}
	return b.String()
}

// consentTimeoutAdvice is the advice when the consent page never sends the
// browser back.
func consentTimeoutAdvice(flavor string, oob bool) string {
	s := "Approve within the time, or give more with --approve-timeout."
	if flavor == FlavorCloud {
		s += "\nIf the browser stopped on an Atlassian error page, the authorization URL lacked audience=api.atlassian.com or prompt=consent, or the app's callback URL is not the --redirect-uri."
	} else {
		s += "\nIf the browser stopped on a Jira error page, the --redirect-uri is not the incoming link's Redirect URL, or the client id is wrong."
	}
	if !oob {
		s += "\nIf the browser landed on another page after Allow, the registered redirect URI is not this machine's: run again with --oob and paste the URL it landed on."
	}
	return s
}
