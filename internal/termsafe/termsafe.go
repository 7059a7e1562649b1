// Package termsafe makes text from scripts and JIRA safe to print on a
// terminal: control characters are shown escaped, so that ESC and OSC
// sequences (ECMA-48), carriage returns and bidirectional overrides (Unicode
// UAX #9) cannot move the cursor, recolour or rewrite the report a person
// reads. Only human output uses it; JSON and JUnit keep the exact text.
package termsafe

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every control character escaped: C0 controls but
// tab and newline as \xHH (ESC is \x1b), DEL as \x7f, C1 controls and the
// Unicode format characters that reorder or hide text (U+200B–U+200F,
// U+202A–U+202E, U+2060–U+2069, U+061C, U+FEFF) as \uHHHH, and invalid UTF-8
// bytes as \xHH. A backslash is left as is. s is returned unchanged (no
// allocation) when it holds none of them.
func Escape(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// EscapeLine is Escape that also escapes newlines: for text that must stay on
// one line of the report (a name, a URL, a status).
func EscapeLine(s string) string {
	return strings.ReplaceAll(Escape(s), "\n", `\n`)
}

func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if unsafeRune(rune(c)) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || unsafeRune(r) {
			return i
		}
		i += n
	}
	return -1
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0xfeff:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x2069:
		return true
	}
	return false
}

// Writer returns a writer that escapes (Escape) what is written to it before
// passing it on: for human output that carries no colour of its own. Each
// Write should hold whole characters, as fmt's do.
func Writer(w io.Writer) io.Writer { return &writer{w: w} }

type writer struct{ w io.Writer }

func (w *writer) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.w, Escape(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
