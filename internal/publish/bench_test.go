package publish

import (
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// BenchmarkMergeDiff measures the merge and the field-by-field diff of an
// update: the only work publish does besides waiting on Auth0.
func BenchmarkMergeDiff(b *testing.B) {
	old := decodeMustB(b, seeded)["options"].(map[string]any)
	upd := newOptions()
	r := redact.New(testPEM)
	b.ReportAllocs()
	for b.Loop() {
		m := Merge(old, upd)
		if len(Diff(old, m, r)) == 0 {
			b.Fatal("no diff")
		}
	}
}

func decodeMustB(b *testing.B, s string) map[string]any {
	m, err := decodeObject([]byte(s))
	if err != nil {
		b.Fatal(err)
	}
	return m
}
