package report

import (
	"encoding/json"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/termsafe"
)

// forTerminal returns a copy of r whose text from scripts and JIRA (console,
// messages, stacks, values, URLs, profiles, findings, the mock's log) has
// its control characters escaped (internal/termsafe), for the human report
// only: WriteJSON and JUnit keep r's exact text. r is not changed.
func forTerminal(r *Report) *Report {
	out := *r
	out.Script = termsafe.EscapeLine(r.Script)
	out.ScriptFindings = safeFindings(r.ScriptFindings)
	out.Cases = make([]*Case, len(r.Cases))
	for i, c := range r.Cases {
		out.Cases[i] = safeCase(c)
	}
	return &out
}

func safeCase(c *Case) *Case {
	if c == nil {
		return nil
	}
	out := *c
	out.Name = termsafe.EscapeLine(c.Name)
	out.Description = termsafe.Escape(c.Description)
	out.Failures = make([]string, len(c.Failures))
	for i, f := range c.Failures {
		out.Failures[i] = termsafe.Escape(f)
	}
	out.Findings = safeFindings(c.Findings)
	out.Diff = make([]Change, len(c.Diff))
	for i, d := range c.Diff {
		out.Diff[i] = Change{Path: termsafe.EscapeLine(d.Path), Kind: d.Kind, Expected: safeRaw(d.Expected), Actual: safeRaw(d.Actual)}
	}
	out.Mock = make([]jiramock.LogEntry, len(c.Mock))
	for i, e := range c.Mock {
		e.Path, e.Verdict, e.Detail = termsafe.EscapeLine(e.Path), termsafe.EscapeLine(e.Verdict), termsafe.Escape(e.Detail)
		out.Mock[i] = e
	}
	if c.Result != nil {
		out.Result = safeResult(c.Result)
	}
	return &out
}

func safeResult(r *script.Result) *script.Result {
	out := *r
	out.Profile = safeRaw(r.Profile)
	if r.Error != nil {
		e := *r.Error
		e.Message, e.Stack, e.Value = termsafe.Escape(e.Message), termsafe.Escape(e.Stack), safeRaw(e.Value)
		out.Error = &e
	}
	out.Console = make([]script.ConsoleLine, len(r.Console))
	for i, l := range r.Console {
		out.Console[i] = script.ConsoleLine{Level: termsafe.EscapeLine(l.Level), Text: termsafe.Escape(l.Text)}
	}
	out.Requests = make([]script.Request, len(r.Requests))
	for i, q := range r.Requests {
		q.Method, q.URL, q.Error = termsafe.EscapeLine(q.Method), termsafe.EscapeLine(q.URL), termsafe.Escape(q.Error)
		out.Requests[i] = q
	}
	return &out
}

func safeFindings(fs []profile.Finding) []profile.Finding {
	if fs == nil {
		return nil
	}
	out := make([]profile.Finding, len(fs))
	for i, f := range fs {
		f.Field, f.Message = termsafe.EscapeLine(f.Field), termsafe.Escape(f.Message)
		out[i] = f
	}
	return out
}

// safeRaw escapes the text of a JSON value for display. JSON already escapes
// C0 controls inside strings, but not DEL, C1 or the bidirectional controls.
func safeRaw(raw json.RawMessage) json.RawMessage {
	if raw == nil {
		return nil
	}
	return json.RawMessage(termsafe.Escape(string(raw)))
}
