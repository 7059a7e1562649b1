// Package pull reads a deployed JIRA connection from an Auth0 tenant, read
// only, so that `bridge test` can run exactly what is deployed: it returns
// the fetchUserProfile script with the JIRA base URL turned back into the
// JIRA_URL placeholder, and the connection's settings without its secrets.
//
// The JIRA base URL is the options' requestTokenURL without
// /plugins/servlet/oauth/request-token (the three OAuth URLs are that base
// plus the guide's paths, see internal/jira); the access-token and
// authorization URLs must agree, else a warning says so. It needs the
// read:connections and read:connections_options scopes (docs/auth0.md
// "Management API" "Scopes"), the enabled clients read:connections too.
package pull
