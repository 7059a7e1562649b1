package jira

import "strings"

// Placeholder is the text a script carries where JIRA's base URL goes, as in
// the Auth0 JIRA guide.
const Placeholder = "JIRA_URL"

// RenderScript fills base, a URL NormalizeBaseURL returned, in wherever
// source says JIRA_URL. It is what publish stores and what live and run
// execute.
func RenderScript(source, base string) string {
	return strings.ReplaceAll(source, Placeholder, base)
}

// Script normalizes raw (NormalizeBaseURL) and renders source with it.
func Script(source, raw string) (rendered, base string, err error) {
	base, err = NormalizeBaseURL(raw)
	if err != nil {
		return "", "", err
	}
	return RenderScript(source, base), base, nil
}
