// Package publish creates or updates the JIRA connection on an Auth0 tenant,
// but only once the script has passed verification, without losing settings
// already on the tenant and without printing a secret.
//
// Run does the work in this order (docs/auth0.md "Management API"):
//
//  1. Verify: Plan.Verify runs (the caller runs the test suite with the user's
//     own key pair and the script exactly as published). A failure stops here:
//     not one request has been sent to Auth0.
//  2. Find: the connection is looked up by name alone, not filtered by
//     strategy, so that a same-named connection of another strategy is seen; that
//     is an error (between oauth1 and oauth2 it says to publish under a new
//     name and migrate the users, docs/migration.md).
//  3. Create, or update: absent, POST the body. Present, merge the new options
//     onto the existing ones (PATCH replaces options wholesale; unrelated
//     settings, nested scripts included, must survive), compare, and when
//     something changes save the connection as it was to a backup file (mode
//     0600: it holds secrets) before the PATCH, which carries no name or
//     strategy. A 409 on create (a race, or a retried create whose first answer
//     was lost) is handled by finding the connection again and updating it.
//  4. Enabled clients: only when asked; the current list is read (paged) and
//     the missing clients are enabled with PATCH …/clients. Clients already
//     enabled are never disabled.
//  5. Read back: the stored script, URLs, consumer key and signature method
//     (oauth2: client id, URLs, scope, pkce_enabled, authParams) must be the
//     verified ones; a mismatch fails loudly.
//
// When a step after the first write fails, the *Error lists what was already
// changed on the tenant. With Plan.DryRun, steps 1 and 2 (and the reads of
// step 4) run, and Run returns the requests it would send, redacted, with a
// field-by-field diff of the options against the tenant; it writes nothing.
//
// Assumptions: the options whose names say they hold a credential (secret,
// password, authorization, cookie, API key, private, …token; not …URL) are
// secrets and are masked in diffs and dry-run requests, the tenant's own
// (customHeaders.Authorization) as well as bridge's client_secret; the options spelled as in the Auth0 JIRA guide (consumerKey,
// consumerSecret) are left in place on update, with a warning, since bridge
// sends client_id/client_secret (see internal/connection).
package publish
