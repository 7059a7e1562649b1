package main

import (
	"io"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/connection"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/render"
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

// parse checks the format flags (exit 2).
func (f *connFormatFlags) parse() (connection.Format, error) {
	format, err := connection.ParseFormatFlags(f.format, f.har, f.out)
	if err != nil {
		return "", exit.Usagef("%v", err)
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
	return render.IaC(stdout, stderr, out)
}
