// Package jira is the one home of JIRA's URLs: normalizing the base URL a
// user gives (--jira-url), the OAuth 1.0a endpoints below it, the REST paths
// bridge calls, the OAuth 2.0 endpoints of JIRA Data Center and Atlassian
// Cloud, and rendering the base URL into a script's JIRA_URL placeholder.
//
// live, run, connection (publish), keygen and the mock all use it, so the
// script `live` runs is byte for byte the script `publish` stores for the
// same --jira-url. Sources are in docs/jira.md.
package jira
