package exit

import (
	"bytes"
	"errors"
	"testing"
)

func TestArgs(t *testing.T) {
	err := Args("run", "bridge run [flags]", "bridge run", []string{"a b", "c"}, errors.New(`unknown command "a b" for "bridge run"`))
	want := `run: takes no arguments, got "a b" "c"; usage: bridge run [flags] (see 'bridge run --help')`
	if err.Error() != want || Code(err) != Usage {
		t.Fatalf("got %q (exit %d), want %q (exit 2)", err, Code(err), want)
	}
	err = Args("init", "bridge init [DIR]", "bridge init", []string{"x", "y"}, errors.New("accepts at most 1 arg(s), received 2"))
	if want := `init: accepts at most 1 arg(s), received 2, got "x" "y"; usage: bridge init [DIR] (see 'bridge init --help')`; err.Error() != want {
		t.Fatalf("got %q, want %q", err, want)
	}
}

func TestWantsJSON(t *testing.T) {
	flags := func(m map[string]string) func(string) (string, bool) {
		return func(name string) (string, bool) { v, ok := m[name]; return v, ok }
	}
	for _, tt := range []struct {
		name  string
		flags map[string]string
		args  []string
		want  bool
	}{
		{"no --json flag", map[string]string{}, []string{"--json"}, false},
		{"parsed", map[string]string{"json": "true"}, nil, true},
		{"--format json", map[string]string{"json": "false", "format": "json"}, nil, true},
		{"--format text", map[string]string{"json": "false", "format": "text"}, nil, false},
		{"parse stopped before --json", map[string]string{"json": "false"}, []string{"--bad", "--json"}, true},
		{"--json=true", map[string]string{"json": "false"}, []string{"--json=true"}, true},
		{"after --", map[string]string{"json": "false"}, []string{"--", "--json"}, false},
	} {
		if got := WantsJSON(flags(tt.flags), tt.args); got != tt.want {
			t.Errorf("%s: WantsJSON = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCountingWriter(t *testing.T) {
	var buf bytes.Buffer
	w := &CountingWriter{W: &buf}
	_, _ = w.Write([]byte("abc"))
	_, _ = w.Write([]byte("de"))
	if w.N != 5 || buf.String() != "abcde" {
		t.Fatalf("counted %d, wrote %q", w.N, buf.String())
	}
	if got := FlagsOf([]string{"a", "--", "b"}); len(got) != 1 || got[0] != "a" {
		t.Fatalf("FlagsOf = %q", got)
	}
}
