package report

import (
	"bytes"
	"strings"
	"testing"
)

// The report closes with the failed cases by name, then the count.
func TestWriteTextClosingFailList(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sample(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "--- FAIL: server/full (12ms)\n--- FAIL: faults/session-204 (2ms)\n1 passed, 2 failed\n"
	if !strings.HasSuffix(b.String(), want) {
		t.Errorf("report ends\n%s\nwant it to end\n%s", b.String()[max(0, b.Len()-200):], want)
	}
	r := sample()
	r.Cases = r.Cases[:1]
	r.Tally(0)
	b.Reset()
	_ = WriteText(&b, r, TextOptions{})
	if strings.Contains(b.String(), "--- FAIL") {
		t.Error("a passing run lists failures")
	}
}
