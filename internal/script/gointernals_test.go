package script

import (
	"regexp"
	"testing"
)

// goInternals matches what only Go could have written into a message: a
// struct (&{…}), a pointer (0x…), a goja type, a Go runtime error.
var goInternals = regexp.MustCompile(`&\{|0x[0-9a-f]{6,}|\*goja\.|goja\.|runtime error|nil pointer|please report`)

// noGoInternals fails t when anything in res shows Go internals.
func noGoInternals(t testing.TB, res *Result) {
	t.Helper()
	if m := goInternalsIn(res); m != "" {
		t.Errorf("Go internals in the result: %q", m)
	}
}

// goInternalsIn returns the first text of res that shows Go internals, or "".
func goInternalsIn(res *Result) string {
	texts := []string{}
	if res.Error != nil {
		texts = append(texts, res.Error.Message, res.Error.Stack, string(res.Error.Value))
	}
	for _, l := range res.Console {
		texts = append(texts, l.Text)
	}
	for _, q := range res.Requests {
		texts = append(texts, q.URL, q.Error)
	}
	for _, s := range texts {
		if goInternals.MatchString(s) {
			return s
		}
	}
	return ""
}
