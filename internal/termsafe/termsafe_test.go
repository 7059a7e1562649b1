package termsafe

import "testing"

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain ünïcode\tand\nlines":               "plain ünïcode\tand\nlines",
		"\x1b[1A\x1b[2Kok   everything 1ms":       `\x1b[1A\x1b[2Kok   everything 1ms`,
		"\x1b]8;;http://evil\x07link\x1b]8;;\x07": `\x1b]8;;http://evil\x07link\x1b]8;;\x07`,
		"over\rwrite":            `over\x0dwrite`,
		"abc\u202edcba":          `abc\u202edcba`,
		"c1 \u009b31m del \x7f":  `c1 \u009b31m del \x7f`,
		"bad \xff utf8":          `bad \xff utf8`,
		"zero\u200bwidth \ufeff": `zero\u200bwidth \ufeff`,
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
	if got := EscapeLine("a\nb\x1b"); got != `a\nb\x1b` {
		t.Errorf("EscapeLine: %q", got)
	}
}

func BenchmarkEscapeClean(b *testing.B) {
	s := "GET http://127.0.0.1:8080/rest/api/2/myself -> 200 ünïcode"
	b.ReportAllocs()
	for b.Loop() {
		_ = Escape(s)
	}
}
