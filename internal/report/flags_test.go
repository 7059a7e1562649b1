package report

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// --json settles into --format, a disagreement names both flags, and the
// flags land in Flags.
func TestFlagsCheck(t *testing.T) {
	parse := func(args ...string) Flags {
		var f Flags
		fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
		f.AddFlags(fs)
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		return f
	}
	f := parse("--json", "-v", "--junit", "r.xml")
	if err := f.Check(); err != nil || f != (Flags{Format: "json", JSON: true, JUnit: "r.xml", Verbose: true}) {
		t.Errorf("--json -v --junit: %+v, %v", f, err)
	}
	if f := parse(); f.Check() != nil || f.Format != string(FormatText) {
		t.Errorf("default format = %q, want text", f.Format)
	}
	f = parse("--json", "--format", "github")
	if err := f.Check(); err == nil || !strings.Contains(err.Error(), "--json and --format github disagree") {
		t.Errorf("--json --format github: Check() = %v", err)
	}
}

// Deliver writes the flags' format on stdout and says a JUnit file it
// cannot write for --junit, as a *JUnitError.
func TestFlagsDeliver(t *testing.T) {
	var stdout, want bytes.Buffer
	f := Flags{Format: "json", JUnit: filepath.Join(t.TempDir(), "missing", "r.xml")}
	err := f.Deliver(&stdout, sample(), false, nil)
	var je *JUnitError
	if !errors.As(err, &je) || !strings.HasPrefix(err.Error(), "--junit: ") {
		t.Fatalf("Deliver to a missing directory = %v; want a *JUnitError for --junit", err)
	}
	if err := WriteJSON(&want, sample()); err != nil {
		t.Fatal(err)
	}
	if stdout.String() != want.String() {
		t.Errorf("stdout = %q; want the JSON report", stdout.String())
	}
}
