package mockcfg

import (
	"errors"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
)

func TestConfigClient(t *testing.T) {
	cfg, err := Flags{Flavor: "cloud", ConsumerKey: "auth0-jira"}.Config(nil)
	if err != nil || cfg.OAuth2 != jiramock.DefaultOAuth2Client() || cfg.Flavor != jiramock.Cloud {
		t.Fatalf("defaults: %+v, %v", cfg.OAuth2, err)
	}
	cfg, err = Flags{Flavor: "server", ConsumerKey: "k", ClientID: "id", RedirectURI: "https://t.auth0.com/login/callback"}.Config(nil)
	if err != nil || cfg.OAuth2.ID != "id" || cfg.OAuth2.Secret != jiramock.DefaultOAuth2Client().Secret || cfg.OAuth2.RedirectURI != "https://t.auth0.com/login/callback" {
		t.Fatalf("flags over defaults: %+v, %v", cfg.OAuth2, err)
	}
}

func TestConfigErrorsNameTheFlag(t *testing.T) {
	for _, tc := range []struct {
		f    Flags
		want string
	}{
		{Flags{Flavor: "dc", ConsumerKey: "k"}, `--flavor "dc": use server or cloud`},
		{Flags{Flavor: "server"}, "--consumer-key: empty; give the consumer key of the application link"},
		{Flags{Flavor: "server", ConsumerKey: "k", ClientSecret: " s "}, `--jira-client-secret " s " has spaces around it: give the value alone`},
		{Flags{Flavor: "cloud", ConsumerKey: "k", AutoApprove: "fred"}, `--auto-approve "fred": the cloud mock has no such user`},
	} {
		_, err := tc.f.Config(nil)
		var fe *FlagError
		if !errors.As(err, &fe) || len(err.Error()) < len(tc.want) || err.Error()[:len(tc.want)] != tc.want {
			t.Errorf("%+v: %v; want %q…", tc.f, err, tc.want)
		}
	}
}
