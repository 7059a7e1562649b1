// Package auth0 is a small client for the parts of the Auth0 Management API v2
// that publishing a connection needs: finding, reading, creating and updating a
// connection and enabling it for clients. It speaks plain net/http; the shapes
// follow the recorded traffic in docs/auth0.md "Management API" (go-auth0 and terraform-provider-auth0
// recordings) and the Management API reference.
//
// Credentials are either a Management API token (Bearer) or the client
// credentials of a machine-to-machine application, exchanged through
// golang.org/x/oauth2/clientcredentials at POST https://TENANT/oauth/token with
// audience https://TENANT/api/v2/ and the client authenticating in the form body
// (docs/auth0.md "Management API" "Token"; Auth0 applications default to client_secret_post).
//
// Failures of the API come back as *APIError, modelled on x/oauth2's
// RetrieveError: status, Auth0's error/message/errorCode and the raw body, plus
// the scopes a 401/403 says are missing.
//
// Retries. 429 and 5xx answers, and transport failures (timeouts, resets), are
// retried with exponential backoff and full jitter, honouring Retry-After and
// x-ratelimit-reset (a unix time, docs/auth0.md "Management API"), within a bounded number of
// attempts and a bounded total time (Retry). Assumption: a POST is retried too.
// A create whose first attempt reached Auth0 but whose answer was lost comes
// back as 409 connection_conflict on the retry; the publish orchestration
// treats a 409 on create as "exists now": it finds the connection and updates
// it, which is idempotent. Tokens and secrets are never logged: the client logs
// retries only (status or failure, method, path, wait, attempt), never the
// final answer, which is the caller's result or error.
//
// A refusal of the token endpoint (401/403 from POST /oauth/token) is blamed on
// the client credentials, not on a token or a scope: no token was issued.
package auth0
