// Package connection validates the settings of an Auth0 oauth1 connection for
// JIRA and builds its body for the Management API: the JSON of
// `POST /api/v2/connections` (docs/auth0.md "Management API"), shown redacted or as a HAR entry
// like the one in the Auth0 JIRA guide's step 3.
//
// # OAuth 2.0
//
// OAuth2Params -> ValidateOAuth2 -> OAuth2Body is the same path for Auth0's
// strategy oauth2 (oauth2*.go): Jira Data Center's OAuth 2.0 provider
// (FlavorServer: URLs below the JIRA base URL, scope READ, pkce_enabled) or
// Atlassian Cloud's 3LO (FlavorCloud: auth.atlassian.com, authParams audience
// and prompt). The options and their sources are in docs/auth0.md "OAuth 2.0
// connections". Built is what both bodies offer the CLI.
//
// # Options spellings
//
// The consumer key and the private key go in options.client_id and
// options.client_secret. Those are the spellings of the Management API's
// OpenAPI schema and of Auth0's generic OAuth1 guide, and Auth0 hands them to
// the script as ctx.client_id and ctx.client_secret, which the guide's script
// (and ours) passes to node-oauth (docs/auth0.md "The sandbox", §3). The Auth0 JIRA guide's
// body spells them consumerKey/consumerSecret (and, as printed, is not even
// valid JSON: `"consumerKey", "CONSUMER_KEY"`). We deliberately do not send
// that spelling: nothing documents that Auth0 maps it onto ctx.client_id, and a
// script whose ctx.client_secret is undefined makes node-oauth throw before it
// sends anything (docs/node-oauth.md, "Bad key"). go-auth0 and terraform's
// consumer_key/consumer_secret are a third spelling we do not send either.
//
// # Assumptions
//
//   - The JIRA base URL may carry a path prefix (https://example.com/jira); the
//     three OAuth URLs are that base plus /plugins/servlet/oauth/{request-token,
//     access-token,authorize}, as in the guide's step 3.
//   - The script size limit (51,200 characters, docs/auth0.md "The sandbox") applies to the
//     script as stored, that is after JIRA_URL is rendered.
//   - Validation reports every problem it finds at once (errors.Join), so the
//     user fixes them in one go; each is an *Error naming the flag to fix.
package connection
