package exit

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/spf13/pflag"
)

// TestCounter: it counts what reached the writer and shows the writer.
func TestCounter(t *testing.T) {
	var buf bytes.Buffer
	c := &Counter{W: &buf}
	if _, err := c.Write([]byte("abc")); err != nil {
		t.Fatal(err)
	}
	_, _ = c.Write([]byte("de"))
	if c.N != 5 || buf.String() != "abcde" || c.Unwrap() != &buf {
		t.Errorf("N = %d, wrote %q; want 5, %q", c.N, buf.String(), "abcde")
	}
}

// TestWantsJSON: --json set, --format json, or --json on the command line
// before "--" (a flag error stopped the parse); never without a --json flag.
func TestWantsJSON(t *testing.T) {
	newFS := func(withJSON, withFormat bool) *pflag.FlagSet {
		fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
		if withJSON {
			fs.Bool("json", false, "")
		}
		if withFormat {
			fs.String("format", "text", "")
		}
		return fs
	}
	tests := []struct {
		name      string
		json, fmt bool
		set       []string
		args      []string
		want      bool
	}{
		{"no --json flag", false, true, nil, []string{"--json"}, false},
		{"--json set", true, false, []string{"--json"}, nil, true},
		{"--format json", true, true, []string{"--format", "json"}, nil, true},
		{"--format text", true, true, []string{"--format", "text"}, nil, false},
		{"unparsed --json", true, false, nil, []string{"--bad", "--json"}, true},
		{"unparsed --json=true", true, false, nil, []string{"--json=true"}, true},
		{"--json after --", true, false, nil, []string{"--", "--json"}, false},
		{"not asked", true, false, nil, []string{"--x"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := newFS(tt.json, tt.fmt)
			if err := fs.Parse(tt.set); err != nil {
				t.Fatal(err)
			}
			if got := WantsJSON(fs, tt.args); got != tt.want {
				t.Errorf("WantsJSON = %v; want %v", got, tt.want)
			}
		})
	}
}

// TestWritePanicJSON: the internal-error document, only for --json before "--".
func TestWritePanicJSON(t *testing.T) {
	var buf bytes.Buffer
	WritePanicJSON(&buf, []string{"run", "--", "--json"}, "boom")
	if buf.Len() != 0 {
		t.Errorf("wrote %q for --json after --", buf.String())
	}
	WritePanicJSON(&buf, []string{"run", "--json"}, "boom")
	var doc Doc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Error.Kind != "internal" || doc.Error.ExitCode != Internal || doc.Error.Message != "internal error (a bug in bridge): panic: boom" {
		t.Errorf("doc = %+v", doc)
	}
}

// TestArgs: usage (exit 2) with the arguments quoted, the usage line and the
// help; cobra's "unknown command" reads "takes no arguments".
func TestArgs(t *testing.T) {
	err := Args(errors.New(`unknown command "x" for "bridge test"`), "test", []string{"x", "a b"}, "bridge test [flags]", "bridge test")
	want := `test: takes no arguments, got "x" "a b"; usage: bridge test [flags] (see 'bridge test --help')`
	if Code(err) != Usage || err.Error() != want {
		t.Errorf("Args = %d %q; want %d %q", Code(err), err, Usage, want)
	}
	err = Args(errors.New("accepts at most 1 arg(s), received 2"), "init", []string{"a", "b"}, "bridge init [DIR]", "bridge init")
	want = `init: accepts at most 1 arg(s), received 2, got "a" "b"; usage: bridge init [DIR] (see 'bridge init --help')`
	if err.Error() != want {
		t.Errorf("Args = %q; want %q", err, want)
	}
}
