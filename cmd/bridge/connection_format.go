package main

import (
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
)

// connFormatFlags are `bridge connection --format`, its old alias --har, and
// --out.
type connFormatFlags struct {
	format, out string
	har         bool
}

func (f *connFormatFlags) add(fs *pflag.FlagSet) {
	fs.StringVar(&f.format, "format", "json", "json (the Management API body), har (the guide's HAR request), terraform (an auth0_connection resource) or deploy-cli (auth0-deploy-cli YAML)")
	fs.BoolVar(&f.har, "har", false, "the same as --format har")
	fs.StringVar(&f.out, "out", "", "with --format terraform or deploy-cli: write the files into this directory instead of stdout")
}

// parse resolves --har into the format and refuses what does not fit (exit 2).
func (f *connFormatFlags) parse() (connection.Format, error) {
	if f.har {
		if f.format != "json" && f.format != "har" {
			return "", exit.Usagef("--har and --format %s disagree; give one of them", f.format)
		}
		f.format = "har"
	}
	format, err := connection.ParseFormat(f.format)
	if err != nil {
		return "", exit.Usagef("--format: %v", err)
	}
	if f.out != "" && (format == connection.FormatJSON || format == connection.FormatHAR) {
		return "", exit.Usagef("--out is for --format terraform or deploy-cli; redirect stdout for %s", format)
	}
	return format, nil
}

// writeIaC writes b as Terraform or deploy-cli: to stdout, or the files
// into --out (their names on stdout). Neither holds a secret: the key is a
// variable or a keyword (internal/connection).
func (f *connFormatFlags) writeIaC(stdout, stderr io.Writer, b connection.Built, format connection.Format) error {
	out, err := connection.WriteIaC(b, format, f.out, connection.IaC{})
	if err != nil {
		return exit.Usagef("%v", err)
	}
	for _, w := range out.Warnings {
		connWarn(stderr, "%s", w)
	}
	for _, file := range out.Files {
		fmt.Fprintln(stdout, file)
	}
	_, err = stdout.Write(out.Stdout)
	return err
}
