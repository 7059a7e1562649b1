// Package live does the real OAuth 1.0a dance against a real JIRA, as Auth0
// will do it once the connection is published: request token, the person's
// approval in a browser, access token. It uses github.com/dghubble/oauth1 with
// RSA-SHA1 (oauth1.RSASigner), so the client is independent of the node-oauth
// shim the script runs on and of the mock's verifier.
//
// The pieces, one per file:
//   - dance.go: Run, the whole dance, step by step, with progress on a writer.
//   - endpoints.go: JIRA's three OAuth URLs below the base URL (docs/jira.md "OAuth 1.0a provider").
//   - callback.go: the loopback-only server JIRA redirects the browser to.
//   - verifier.go: the --oob path: the verifier (or the whole callback URL) pasted by the person.
//   - problem.go, advice.go: JIRA's oauth_problem replies, parsed and explained.
//   - error.go: Error, what failed in which step, with advice; its Kind decides the exit code.
//   - transport.go: keeps JIRA's last reply, which dghubble/oauth1 reduces to a string.
//   - browser.go: opening the authorize URL in the person's browser.
//   - tokenfile.go: the token file for `bridge run --token-file`.
//
// OAuth 2.0 (RunOAuth2: Jira Data Center's provider or Atlassian Cloud's
// 3LO, docs/jira.md "OAuth 2.0") uses golang.org/x/oauth2 with PKCE S256:
//   - oauth2_endpoints.go: the two flavours' endpoints and default scopes.
//   - oauth2_dance.go: RunOAuth2 and the token endpoint's errors.
//   - oauth2_callback.go: the loopback listener on the registered redirect URI (code, state, error).
//   - oauth2_code.go: --oob, the pasted redirect URL or code.
//   - oauth2_advice.go: advice per RFC 6749 error code, and for a consent page that never returns.
//   - oauth2_tokenfile.go: --save-token with the refresh token.
//
// OAuth 2.0 assumptions: the redirect URI is the one registered with the
// incoming link or app, so bridge listens on it only when it is a loopback
// http URL with a port (else --oob); a token endpoint error is KindProblem
// with Error.Code set, a denial KindDenied, a wrong state KindMismatch.
//
// Assumptions (docs/jira.md does not settle these):
//   - JIRA honours the oauth_callback sent with the request token (docs/jira.md "OAuth 1.0a provider":
//     an absolute http(s) URI or "oob"). Where a JIRA sends the browser to the
//     Application Link's registered callback instead, --oob is the way out: the
//     person pastes the verifier, or the whole URL the browser landed on.
//   - A redirect from JIRA's OAuth endpoints is not followed: a POST redirected
//     by a proxy (http to https, another host) loses its signature's meaning, so
//     the redirect is reported with its Location as advice.
//   - A reply with an oauth_problem is a check failure whatever its status
//     (JIRA answers user_refused and consumer_key_refused with 503, docs/jira.md "OAuth 1.0a provider");
//     a 5xx without one, or no reply at all, means JIRA is unreachable.
package live
