package nodebuf

import "testing"

func TestDecodeUTF8(t *testing.T) {
	for in, want := range map[string]string{
		"\xe2\x9c\x93":     "✓",
		"\xe2\x9c":         "\ufffd",
		"\xe2\x9cx":        "\ufffdx",
		"\xff\xfe":         "\ufffd\ufffd",
		"\xed\xa0\x80":     "\ufffd\ufffd\ufffd",
		"\xf0\x9f\x98":     "\ufffd",
		"a\xc3":            "a\ufffd",
		"\xf0\x9f\x98\x80": "😀",
	} {
		if got := DecodeUTF8([]byte(in)); got != want {
			t.Errorf("DecodeUTF8(%q) = %q, want %q", in, got, want)
		}
	}
}
