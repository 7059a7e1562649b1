package connection

import "github.com/spf13/pflag"

// Output are `bridge connection`'s output flags: --format, its old alias
// --har, --out and --show-secrets. connection owns them, as it owns their
// checks (ParseFormatFlags), the way kubectl's options structs own their
// flags: a renamed flag touches this package only.
type Output struct {
	Format      string // --format: a Format
	HAR         bool   // --har: the same as --format har
	Out         string // --out: WriteIaC's directory; "" = stdout
	ShowSecrets bool   // --show-secrets: Printed's showSecrets
}

// AddFlags registers --format, --har, --out and --show-secrets on fs.
func (o *Output) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.Format, "format", "json", "json (the Management API body), har (the guide's HAR request), terraform (an auth0_connection resource) or deploy-cli (auth0-deploy-cli YAML)")
	fs.BoolVar(&o.HAR, "har", false, "the same as --format har")
	fs.StringVar(&o.Out, "out", "", "with --format terraform or deploy-cli: write the files into this directory instead of stdout")
	fs.BoolVar(&o.ShowSecrets, "show-secrets", false, "show the private key in the output instead of [REDACTED]")
}

// Parse checks the output flags (ParseFormatFlags) and returns the format.
func (o Output) Parse() (Format, error) { return ParseFormatFlags(o.Format, o.HAR, o.Out) }
