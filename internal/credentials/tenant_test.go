package credentials

import (
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func TestAuth0Tenant(t *testing.T) {
	tests := []struct {
		name, wantBase, wantErr string
		flags                   Auth0
		wantWarning             bool
	}{
		{name: "https tenant", flags: Auth0{Domain: "example.eu.auth0.com", APIToken: "t"}, wantBase: "https://example.eu.auth0.com"},
		{name: "http on loopback is quiet", flags: Auth0{Domain: "http://127.0.0.1:8080", APIToken: "t"}, wantBase: "http://127.0.0.1:8080"},
		{name: "http elsewhere warns", flags: Auth0{Domain: "http://tenant.example.com", APIToken: "t"}, wantBase: "http://tenant.example.com", wantWarning: true},
		{name: "no domain names --domain", flags: Auth0{APIToken: "t"}, wantErr: "--domain: "},
		{name: "no credentials", flags: Auth0{Domain: "example.eu.auth0.com"}, wantBase: "https://example.eu.auth0.com", wantErr: "no credentials"},
		{name: "warns and refuses", flags: Auth0{Domain: "http://tenant.example.com", APIToken: "t", ClientID: "c"}, wantBase: "http://tenant.example.com", wantWarning: true, wantErr: "not both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tenant, _, warnings, err := tt.flags.Tenant(env(nil))
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want one with %q", err, tt.wantErr)
			}
			if tt.wantBase != "" && tenant.BaseURL != tt.wantBase {
				t.Errorf("BaseURL = %q, want %q", tenant.BaseURL, tt.wantBase)
			}
			if got := len(warnings) == 1 && strings.Contains(warnings[0], "uses http"); got != tt.wantWarning || len(warnings) > 1 {
				t.Errorf("warnings = %q, want the http one: %v", warnings, tt.wantWarning)
			}
		})
	}
}

func TestAuth0TenantReadsTheEnvironment(t *testing.T) {
	tenant, creds, _, err := Auth0{}.Tenant(env(map[string]string{EnvDomain: "env.auth0.com", EnvAPIToken: "env-token"}))
	if err != nil || tenant.BaseURL != "https://env.auth0.com" || creds.APIToken != "env-token" {
		t.Fatalf("Tenant() = %+v, %+v, %v; want the environment's tenant and token", tenant, creds, err)
	}
}

func TestBaseURL(t *testing.T) {
	if got, err := BaseURL("", env(nil)); got != "" || err != nil {
		t.Errorf("BaseURL(nothing) = %q, %v; want \"\", nil", got, err)
	}
	if got, err := BaseURL("", env(map[string]string{EnvDomain: "env.auth0.com"})); got != "https://env.auth0.com" || err != nil {
		t.Errorf("BaseURL(env) = %q, %v; want the environment's tenant", got, err)
	}
	if got, _ := BaseURL("flag.auth0.com", env(map[string]string{EnvDomain: "env.auth0.com"})); got != "https://flag.auth0.com" {
		t.Errorf("BaseURL(flag, env) = %q; the flag wins", got)
	}
	if _, err := BaseURL("ftp://x", env(nil)); err == nil {
		t.Error("BaseURL(ftp://x) = nil error; want auth0.ParseTenant's")
	}
}

func TestAuth0AddFlags(t *testing.T) {
	var a Auth0
	fs := pflag.NewFlagSet("publish", pflag.ContinueOnError)
	a.AddFlags(fs)
	if err := fs.Parse([]string{"--domain", "d", "--api-token", "t", "--client-id", "i", "--client-secret", "s"}); err != nil {
		t.Fatal(err)
	}
	if a != (Auth0{Domain: "d", APIToken: "t", ClientID: "i", ClientSecret: "s"}) {
		t.Errorf("flags landed in %+v", a)
	}
}
