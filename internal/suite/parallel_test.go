package suite

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/report"
)

// TestParallelDoesNotChangeResults is the one parallel-invariance test: the
// default suite and a generated one (faults, both flavors) give the same
// JSON report on 1 and on 8 workers, but for durations, the mock's URL,
// tokens and log times. The CLI's --parallel only sets Options.Parallel.
func TestParallelDoesNotChangeResults(t *testing.T) {
	suites := []struct {
		name  string
		cases func(t testing.TB) []*cases.Case
	}{
		{"default", defaultCases},
		{"generated", func(t testing.TB) []*cases.Case { return generated(t, 40) }},
	}
	for _, s := range suites {
		t.Run(s.name, func(t *testing.T) {
			prog, cs := shipped(t), s.cases(t)
			one := normalized(t, run(t, Options{Program: prog, Cases: cs, Parallel: 1}))
			eight := normalized(t, run(t, Options{Program: prog, Cases: cs, Parallel: 8}))
			if one == eight {
				return
			}
			a, b := strings.Split(one, "\n"), strings.Split(eight, "\n")
			for i := range min(len(a), len(b)) {
				if a[i] != b[i] {
					t.Fatalf("reports differ at line %d:\n  parallel 1: %s\n  parallel 8: %s\ncontext (parallel 8):\n%s", i+1, a[i], b[i], strings.Join(b[max(0, i-30):min(len(b), i+10)], "\n"))
				}
			}
			t.Fatalf("reports differ in length: %d vs %d lines", len(a), len(b))
		})
	}
}

// normalized is rep's JSON report with what may differ between runs
// replaced: durations, the mock's URL, log times, tokens, and how long a
// request was pending at a time limit.
func normalized(t *testing.T, rep *Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := report.WriteJSON(&b, rep); err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(b.String(), rep.MockURL, "http://MOCK")
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`"duration_ms": [0-9.e+-]+`),
		regexp.MustCompile(`"time": "[^"]*"`),
		regexp.MustCompile(`"token": "[^"]*"`),
		regexp.MustCompile(`\(for [0-9.]+m?s\)`),
	} {
		s = re.ReplaceAllString(s, "X")
	}
	return s
}
