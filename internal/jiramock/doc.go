// Package jiramock is a mock JIRA: a strict OAuth 1.0a RSA-SHA1 provider with
// JIRA's token endpoints, approval page and the REST endpoints a
// fetchUserProfile script reads, in a Server/Data Center and a Cloud flavor;
// and a strict OAuth 2.0 provider as Jira Data Center's
// (/rest/oauth2/latest/authorize and /token, Bearer on /rest/api/2) and
// Atlassian Cloud's 3LO (/authorize, /oauth/token, /me,
// /oauth/token/accessible-resources, /ex/jira/{cloudid}/rest/api/3/myself)
// have it, with PKCE, refresh tokens and RFC 6749/6750/7636 errors
// (docs/jira.md "OAuth 2.0", which also lists the error table and the
// assumptions).
//
// It is strict where real JIRA is (docs/jira.md "OAuth 1.0a provider"): every request is verified with
// the mock's own RFC 5849 §3.4.1 base string builder, rebuilt from the
// request as received, in net.oauth's order (duplicated oauth_* parameter,
// version, signature method, ±300 s timestamp, nonce, signature). Failures
// are reported the JIRA way: status, `WWW-Authenticate: OAuth realm=…,
// oauth_problem=…` and the same fields form-encoded in the body, with
// oauth_signature_base_string for signature_invalid.
//
// Files: server.go (New, routing), exchange.go (one request and its log
// entry), verify.go (the validator), params.go
// (where parameters come from), basestring.go (RFC 5849 §3.4.1), nonce.go,
// problem.go (error replies), tokens.go (request-token, access-token),
// authorize.go (approval page), rest.go (session, user, myself), users.go,
// consumer.go, faults.go, grants.go (MintAccessToken and per-token worlds),
// log.go (request log), dance.go (a client doing the whole dance).
// OAuth 1.0a's parts hang off oauth1Provider (oauth1.go); OAuth 2.0's off
// oauth2Provider (oauth2.go routing, oauth2_client.go client and scopes,
// oauth2_authorize.go consent page, oauth2_token.go grants, oauth2_pkce.go,
// oauth2_bearer.go, oauth2_errors.go, oauth2_store.go, cloud_api.go,
// oauth2_grants.go MintOAuth2Token, oauth2_dance.go DanceOAuth2).
//
// # Assumptions
//
// Where docs/jira.md marks something unconfirmed, or JIRA's exact behaviour is not
// recorded, the mock chooses as follows:
//
//   - Cloud session: GET /rest/auth/1/session answers 200 with self (naming
//     the accountId) and loginInfo, and no name. /rest/api/2/myself and
//     /rest/api/2/user?accountId= work; ?username= and ?key= give 400 "not
//     supported in GDPR strict mode" (docs/jira.md "REST shapes"); a missing accountId gives
//     400 "The 'accountId' query parameter needs to be provided", an unknown
//     one 404 "Specified user does not exist or you do not have required
//     permissions" (the texts client projects recorded from Cloud, see
//     rest.go).
//   - Server /rest/api/2/user without username or key answers 404 "Either the
//     'username' or the 'key' query parameters need to be provided"; an
//     unknown key "The user with the key 'x' does not exist".
//   - Users are served verbatim whatever ?expand= says: a user file holds
//     JIRA's answer to expand=groups. loginInfo is synthesised.
//   - Consumer and token are looked up before the validator runs, as JIRA's
//     servlets do; within the validator the order is the one above. On the
//     access-token endpoint JIRA's token checks come first (docs/jira.md "OAuth 1.0a provider").
//   - A request token is deleted once exchanged (as in JIRA), so a reused one
//     gets token_rejected; the reply's oauth_problem_advice says why. Every
//     problem reply carries oauth_problem_advice (Problem Reporting
//     extension) saying what to do next.
//   - oauth_callback is required on request-token (OAuth 1.0a); a missing one
//     gives parameter_absent.
//   - Parameters are decoded as Java's URLDecoder does ('+' is a space), in
//     the header too (net.oauth's "flexible decoding"). Form bodies count only
//     on POST whose Content-Type, before any ';', is exactly
//     application/x-www-form-urlencoded (Tomcat's parseParameters). A query
//     or form pair with an empty name or a bad percent-escape is skipped, as
//     Tomcat skips it (so it is not signed); in the Authorization header a bad
//     escape is parameter_rejected.
//   - The Authorization header is read as net.oauth's decodeAuthorization
//     reads it: every Authorization header, pairs split on commas, a pair that
//     is not name="value" silently ignored (so an unquoted value is absent),
//     realm dropped in any case.
//   - Only net.oauth's single parameters (consumer key, token, token secret,
//     callback, signature method, signature, timestamp, nonce, version) may
//     not repeat; oauth_parameters_rejected lists their name=value pairs.
//   - The timestamp window is ±300 s around the clock rounded to the nearest
//     second, as net.oauth computes it in milliseconds.
//   - REST is served under /rest/api/2 and /rest/api/latest, and on Cloud
//     also /rest/api/3; Server answers /rest/api/3 with Jersey's 404
//     {"message":"null for uri: …","status-code":404}, after the OAuth check.
//   - Anonymous calls (no complete set of the six OAuth parameters) get 401
//     JSON; the server's faults apply to them too.
//   - A Grant without a user gets the first user of its flavor.
//   - Config.ContextPath ("/jira") serves JIRA below a path, as a JIRA at
//     https://example.com/jira: URL() ends with it, the signed URL includes
//     it, self links and the problem realm carry it, and anything outside it
//     is 404. A fault's redirect path stays a path on the host.
package jiramock
