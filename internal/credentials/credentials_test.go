package credentials

import (
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/live"
)

func env(vars map[string]string) Getenv { return func(k string) string { return vars[k] } }

func TestAuth0Resolve(t *testing.T) {
	all := env(map[string]string{EnvDomain: "env.auth0.com", EnvAPIToken: "env-token", EnvClientID: "env-id", EnvClientSecret: "env-secret"})
	clients := env(map[string]string{EnvDomain: "env.auth0.com", EnvClientID: "env-id", EnvClientSecret: "env-secret"})
	tests := []struct {
		name       string
		flags      Auth0
		getenv     Getenv
		wantDomain string
		want       auth0.Credentials
	}{
		{"environment only", Auth0{}, clients, "env.auth0.com", auth0.Credentials{ClientID: "env-id", ClientSecret: "env-secret"}},
		{"flag domain wins", Auth0{Domain: "flag.auth0.com"}, clients, "flag.auth0.com", auth0.Credentials{ClientID: "env-id", ClientSecret: "env-secret"}},
		{"an api token by flag drops the environment's client", Auth0{APIToken: "flag-token"}, clients, "env.auth0.com", auth0.Credentials{APIToken: "flag-token"}},
		{"a client id by flag drops the environment's token and secret", Auth0{ClientID: "flag-id"}, all, "env.auth0.com", auth0.Credentials{ClientID: "flag-id"}},
		{"nothing anywhere", Auth0{}, env(nil), "", auth0.Credentials{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			domain, got := tt.flags.Resolve(tt.getenv)
			if domain != tt.wantDomain || got != tt.want {
				t.Errorf("Resolve = %q, %+v; want %q, %+v", domain, got, tt.wantDomain, tt.want)
			}
		})
	}
}

func TestJIRAFill(t *testing.T) {
	tf := live.TokenFile{JIRAURL: "https://file.example.com", ConsumerKey: "file-key", Token: "file-token", TokenSecret: "file-secret"}
	got := JIRA{JIRAURL: "https://flag.example.com", Token: "flag-token"}.Fill(tf)
	want := JIRA{JIRAURL: "https://flag.example.com", ConsumerKey: "file-key", Token: "flag-token", TokenSecret: "file-secret"}
	if got != want {
		t.Errorf("Fill = %+v; want %+v (flags win, the file fills the rest)", got, want)
	}
	if got := (JIRA{}).Fill(live.TokenFile{}); got != (JIRA{}) {
		t.Errorf("Fill of nothing = %+v", got)
	}
}
