package cases

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const goodCase = `{"user": {"name": "a"}, "expect": {"profile": {"user_id": "a"}}}`

func TestBoundsNesting(t *testing.T) {
	deep := `{"user": {"name": "a", "x": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}, "expect": {"profile": {}}}`
	start := time.Now()
	_, err := Parse("deep", "deep.json", []byte(deep))
	if err == nil || !strings.Contains(err.Error(), "deep.json:1:") || !strings.Contains(err.Error(), "deeper than 512 levels") {
		t.Fatalf("%v", err)
	}
	// column of the 513th opening: '{' at 1, "user" object at 10, then 511 '['.
	want := "deep.json:1:" + strconv.Itoa(len(`{"user": {"name": "a", "x": `)+511) + ":"
	if !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("got %v, want %s…", err, want)
	}
	t.Logf("100,000 levels refused in %s", time.Since(start))
	// 512 levels are fine (the file's own object is level 1).
	ok := `{"user": {"name": "a", "x": ` + strings.Repeat("[", 510) + strings.Repeat("]", 510) + `}, "expect": {"profile": {"user_id": "a"}}}`
	if _, err := Parse("ok", "ok.json", []byte(ok)); err != nil {
		t.Fatalf("512 levels: %v", err)
	}
	// Brackets inside strings do not count.
	str := `{"user": {"name": "` + strings.Repeat(`[\"`, 1000) + `"}, "expect": {"profile": {"user_id": "a"}}}`
	if _, err := Parse("str", "str.json", []byte(str)); err != nil {
		t.Fatalf("brackets in a string: %v", err)
	}
}

func TestBoundsUTF8(t *testing.T) {
	bad := "{\"user\": {\"name\": \"a\"},\n  \"description\": \"caf\xe9\", \"expect\": {\"profile\": {}}}"
	_, err := Parse("u", "u.json", []byte(bad))
	if err == nil || !strings.HasPrefix(err.Error(), "u.json:2:22: invalid UTF-8") {
		t.Fatalf("%v", err)
	}
}

func TestBoundsSize(t *testing.T) {
	big := `{"user": {"name": "` + strings.Repeat("a", 8<<20) + `"}, "expect": {"profile": {}}}`
	if _, err := Parse("big", "big.json", []byte(big)); err == nil || !strings.Contains(err.Error(), "over the 8 MiB limit") {
		t.Fatalf("%v", err)
	}
}

// TestLoadRefusesFIFO: a FIFO named x.json is refused at once.
func TestLoadRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.json"), []byte(goodCase), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "x.json"), 0o600); err != nil {
		t.Skip("no mkfifo:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := LoadDir(dir); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "x.json: the case file is a named pipe (FIFO)") {
			t.Fatalf("%v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("blocked on the FIFO")
	}
}

// BenchmarkScanDeepWide is the position scanner on a bad file with 512
// levels of free-form nesting and 100,000 keys at the bottom: linear in the
// file's size (no path per level or per key).
func BenchmarkScanDeepWide(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"user": {"x": ` + strings.Repeat("[", 509) + "{")
	for i := range 100000 {
		if i > 0 {
			sb.WriteString(",")
		}
		sb.WriteString(`"k` + strconv.Itoa(i) + `": 1`)
	}
	sb.WriteString("}" + strings.Repeat("]", 509) + `}, "expect": {"profile": {}}, "bad": 1}`)
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("w", "w.json", data); err == nil {
			b.Fatal("the unknown field was not found")
		}
	}
}
