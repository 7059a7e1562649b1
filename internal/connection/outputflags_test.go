package connection

import (
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// The output flags land in Output, default to json, and Parse checks them
// together: --har is --format har, and --out only goes with the IaC formats.
func TestOutputFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    Format
		wantErr string
	}{
		{nil, FormatJSON, ""},
		{[]string{"--har"}, FormatHAR, ""},
		{[]string{"--har", "--format", "terraform"}, "", "--har and --format terraform disagree"},
		{[]string{"--format", "deploy-cli", "--out", "dir", "--show-secrets"}, FormatDeployCLI, ""},
		{[]string{"--out", "dir"}, FormatJSON, "--out is for --format terraform or deploy-cli"},
		{[]string{"--format", "yaml"}, "", `--format: unknown format "yaml"`},
	}
	for _, tt := range tests {
		var o Output
		fs := pflag.NewFlagSet("connection", pflag.ContinueOnError)
		o.AddFlags(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		got, err := o.Parse()
		if got != tt.want || (err == nil) != (tt.wantErr == "") || err != nil && !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%q: Parse() = %q, %v; want %q, %q", tt.args, got, err, tt.want, tt.wantErr)
		}
	}
	var o Output
	fs := pflag.NewFlagSet("connection", pflag.ContinueOnError)
	o.AddFlags(fs)
	if err := fs.Parse([]string{"--format", "terraform", "--out", "d", "--show-secrets"}); err != nil {
		t.Fatal(err)
	}
	if o != (Output{Format: "terraform", Out: "d", ShowSecrets: true}) {
		t.Errorf("flags landed in %+v", o)
	}
}
