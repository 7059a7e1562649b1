package report

import "testing"

func TestParseFormat(t *testing.T) {
	for _, c := range []struct {
		s     string
		alias bool
		want  Format
		ok    bool
	}{
		{"text", false, FormatText, true},
		{"github", false, FormatGitHub, true},
		{"text", true, FormatJSON, true}, // --json alone: the default text gives way
		{"json", true, FormatJSON, true},
		{"github", true, "", false},
		{"xml", false, "", false},
	} {
		got, err := ParseFormat(c.s, c.alias)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseFormat(%q, %v) = %q, %v", c.s, c.alias, got, err)
		}
	}
}
