package scaffold

import (
	"testing"

	"github.com/spf13/pflag"
)

// The flags default to OAuth 1.0a on Data Center; Check names the flag of
// a value init cannot start from.
func TestKindFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    Kind
		wantErr string
	}{
		{nil, Kind{Protocol: "oauth1", Flavor: "server"}, ""},
		{[]string{"--protocol", "oauth2", "--flavor", "cloud"}, Kind{Protocol: "oauth2", Flavor: "cloud"}, ""},
		{[]string{"--protocol", "saml"}, Kind{Protocol: "saml", Flavor: "server"}, `--protocol "saml": use oauth1 or oauth2`},
		{[]string{"--protocol", ""}, Kind{Flavor: "server"}, `--protocol "": use oauth1 or oauth2`},
		{[]string{"--flavor", "onprem"}, Kind{Protocol: "oauth1", Flavor: "onprem"}, `--flavor "onprem": use server or cloud`},
	}
	for _, tt := range tests {
		var k Kind
		fs := pflag.NewFlagSet("init", pflag.ContinueOnError)
		k.AddFlags(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		err := k.Check()
		if k != tt.want || (err == nil) != (tt.wantErr == "") || err != nil && err.Error() != tt.wantErr {
			t.Errorf("%q: Kind %+v, Check() = %v; want %+v, %q", tt.args, k, err, tt.want, tt.wantErr)
		}
	}
}
