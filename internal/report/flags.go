package report

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/pflag"
)

// Flags are `bridge test`'s report flags: --format, its alias --json,
// --junit and --verbose (-v). report owns them beside their check
// (ParseFormat), as kubectl's options structs own theirs: a renamed flag
// touches this package only.
type Flags struct {
	Format  string // --format: a Format; Check settles --json into it
	JSON    bool   // --json: the same as --format json
	JUnit   string // --junit: Deliver's JUnit file; "" = none
	Verbose bool   // --verbose: TextOptions.Verbose
}

// AddFlags registers --format, --json, --junit and --verbose on fs.
func (f *Flags) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&f.Format, "format", "text", "report format on stdout: text, json (one document) or github (workflow-command annotations)")
	fs.BoolVar(&f.JSON, "json", false, "the same as --format json")
	fs.StringVar(&f.JUnit, "junit", "", "also write the report as JUnit XML to this file")
	fs.BoolVarP(&f.Verbose, "verbose", "v", false, "show the details of passing cases too, and the mock's log on stderr")
}

// Check settles --json into Format (ParseFormat), or says which flags
// disagree.
func (f *Flags) Check() error {
	format, err := ParseFormat(f.Format, f.JSON)
	if err != nil {
		return err
	}
	f.Format = string(format)
	return nil
}

// Deliver is Deliver of r in the flags' format, verbose as asked, into
// --junit too; color and the scripts' sources (TextOptions) are the
// caller's. A JUnit file it cannot write is a *JUnitError said for --junit.
func (f Flags) Deliver(stdout io.Writer, r *Report, color bool, sources map[string]string) error {
	err := Deliver(stdout, Format(f.Format), r, TextOptions{Color: color, Verbose: f.Verbose, Sources: sources}, f.JUnit)
	if je := (*JUnitError)(nil); errors.As(err, &je) {
		return &JUnitError{Err: fmt.Errorf("--junit: %w", je.Err)}
	}
	return err
}
