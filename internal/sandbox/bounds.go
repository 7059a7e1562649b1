package sandbox

import (
	"fmt"
	"unicode/utf8"

	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// Output bounds per case. The worker cuts its result to them before sending;
// the parent cuts again after reading (so it never keeps more, whatever a
// worker sends) and reads no frame over maxFrame.
const (
	MaxConsoleTotal = 1 << 20  // console bytes per case
	MaxConsoleLine  = 64 << 10 // bytes per console line
	MaxMessage      = 64 << 10 // an error's message, stack or value
	MaxRequests     = 1000     // request log entries per case
	MaxURL          = 8 << 10  // bytes of a logged URL
	MaxProfile      = 4 << 20  // bytes of profile JSON
)

// cutMarker ends a cut text.
func cutMarker(dropped int) string { return fmt.Sprintf("… [bridge: %d more bytes cut]", dropped) }

// cut returns s bounded to n bytes (on a UTF-8 boundary) plus a marker.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + cutMarker(len(s)-i)
}

// consoleBound keeps a case's console within the bounds as its lines
// arrive, one at a time: the worker as the script prints them, the parent as
// it reads them.
type consoleBound struct{ total, dropped int }

// admit cuts l to the bounds and reports whether it may be kept; past the
// case's total it counts the line as dropped.
func (b *consoleBound) admit(l *script.ConsoleLine) bool {
	if b.total >= MaxConsoleTotal {
		b.dropped++
		return false
	}
	l.Text = cut(l.Text, min(MaxConsoleLine, MaxConsoleTotal-b.total))
	b.total += len(l.Text)
	return true
}

// marker is the line that says how many lines were dropped, if any were.
func (b *consoleBound) marker() []script.ConsoleLine {
	if b.dropped == 0 {
		return nil
	}
	return []script.ConsoleLine{{Level: "warn", Text: fmt.Sprintf("bridge: console output cut at %d bytes per case (%d more lines)", MaxConsoleTotal, b.dropped)}}
}

// boundResult cuts res to the output bounds, in place. It is idempotent.
func boundResult(res *script.Result) {
	total := 0
	for i := range res.Console {
		if total >= MaxConsoleTotal {
			n := len(res.Console) - i
			res.Console = append(res.Console[:i], script.ConsoleLine{Level: "warn",
				Text: fmt.Sprintf("bridge: console output cut at %d bytes per case (%d more lines)", MaxConsoleTotal, n)})
			break
		}
		t := cut(res.Console[i].Text, min(MaxConsoleLine, MaxConsoleTotal-total))
		res.Console[i].Text = t
		total += len(t)
	}
	if len(res.Requests) > MaxRequests {
		res.Requests = res.Requests[:MaxRequests]
	}
	for i := range res.Requests {
		res.Requests[i].URL = cut(res.Requests[i].URL, MaxURL)
		res.Requests[i].Error = cut(res.Requests[i].Error, MaxMessage)
		res.Requests[i].Method = cut(res.Requests[i].Method, 64)
	}
	if e := res.Error; e != nil {
		e.Message = cut(e.Message, MaxMessage)
		e.Stack = cut(e.Stack, MaxMessage)
		if len(e.Value) > MaxMessage {
			e.Value = nil
			e.Message += fmt.Sprintf(" (the error value was over %d bytes of JSON and is left out)", MaxMessage)
		}
	}
	if len(res.Profile) > MaxProfile {
		n := len(res.Profile)
		res.Outcome, res.Profile = script.KindMemory, nil
		res.Error = &script.Error{Kind: script.KindMemory, Message: fmt.Sprintf(
			"the profile is %d bytes of JSON, over the %d MiB a case may return", n, MaxProfile>>20)}
	}
	if res.Console == nil {
		res.Console = []script.ConsoleLine{}
	}
	if res.Requests == nil {
		res.Requests = []script.Request{}
	}
}
