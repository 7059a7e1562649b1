package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// profilePairs returns (expected, actual) pairs as the suite compares them:
// the expected profiles of the default suite, pretty-printed as in the case
// files, against the same profile compact, as the script's output is.
func profilePairs(tb testing.TB) [][2]json.RawMessage {
	tb.Helper()
	var pairs [][2]json.RawMessage
	files, _ := filepath.Glob("../../testdata/cases/*/*.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var c struct {
			Expect struct {
				Profile json.RawMessage `json:"profile"`
			} `json:"expect"`
		}
		if err := json.Unmarshal(data, &c); err != nil {
			tb.Fatal(err)
		}
		if len(c.Expect.Profile) == 0 {
			continue
		}
		var v any
		_ = json.Unmarshal(c.Expect.Profile, &v)
		actual, _ := json.Marshal(v)
		pairs = append(pairs, [2]json.RawMessage{c.Expect.Profile, actual})
	}
	if len(pairs) < 5 {
		tb.Fatalf("%d expected profiles in testdata/cases; want the default suite", len(pairs))
	}
	return pairs
}

// BenchmarkDiff compares the default suite's expected profiles with equal
// actual ones (the common case: a passing suite) and with a changed one.
func BenchmarkDiff(b *testing.B) {
	pairs := profilePairs(b)
	b.Run("equal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pairs {
				if d, err := Diff(p[0], p[1]); err != nil || len(d) != 0 {
					b.Fatalf("Diff = %v, %v", d, err)
				}
			}
		}
	})
	b.Run("changed", func(b *testing.B) {
		changed := make([][2]json.RawMessage, len(pairs))
		for i, p := range pairs {
			changed[i] = [2]json.RawMessage{p[0], json.RawMessage(strings.Replace(string(p[1]), `"user_id":`, `"user_id":"x","old_id":`, 1))}
		}
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range changed {
				if d, err := Diff(p[0], p[1]); err != nil || len(d) == 0 {
					b.Fatalf("Diff = %v, %v", d, err)
				}
			}
		}
	})
}
