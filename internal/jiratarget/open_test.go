package jiratarget

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"golang.org/x/oauth2"

	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/live"
)

// Open's errors are typed, for each protocol, so that the CLI can name the
// flag and pick the exit code.
func TestOpenInputErrors(t *testing.T) {
	for _, proto := range []string{"oauth1", "oauth2"} {
		var fe *FlavorError
		if _, err := Open(context.Background(), Want{Protocol: proto, Flavor: "dc"}); !errors.As(err, &fe) || fe.Flavor != "dc" {
			t.Errorf("%s: flavor dc: %v; want a *FlavorError", proto, err)
		}
		var ue *UnknownUserError
		var re *RemoteError
		_, err := Open(context.Background(), Want{Protocol: proto, Flavor: "server", User: "nobody"})
		if !errors.As(err, &ue) || ue.ID != "nobody" || errors.As(err, &re) {
			t.Errorf("%s: user nobody: %v; want an *UnknownUserError, not a remote failure", proto, err)
		}
	}
	var re *RealError
	if _, err := Open(context.Background(), Want{Flavor: "server", Real: true, Given: credentials.JIRA{JIRAURL: "https://jira.example.com"}}); !errors.As(err, &re) || len(re.Missing) == 0 {
		t.Errorf("oauth1 real without a token: %v; want a *RealError naming what is missing", err)
	}
	var ie *InputError
	if _, err := Open(context.Background(), Want{Protocol: "oauth2", Flavor: "server", Real: true}); !errors.As(err, &ie) {
		t.Errorf("oauth2 real without a token: %v; want an *InputError", err)
	}
}

// A real OAuth 2.0 target reads the token file bridge live --save-token
// writes: its token, flavour and URL.
func TestOpenReadsTheOAuth2TokenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "token.json")
	opts := live.OAuth2Options{Flavor: "server", JIRAURL: "https://jira.example.com", ClientID: "c"}
	if err := live.WriteOAuth2TokenFile(path, live.NewOAuth2TokenFile(opts, &oauth2.Token{AccessToken: "at", RefreshToken: "rt"})); err != nil {
		t.Fatal(err)
	}
	r, err := Open(context.Background(), Want{Protocol: "oauth2", Flavor: "cloud", Real: true, TokenFile: path})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	tg, ok := r.(*OAuth2)
	if !ok || tg.Flavor != "server" || tg.JIRAURL != "https://jira.example.com" || tg.Token.AccessToken != "at" || tg.Token.RefreshToken != "rt" {
		t.Fatalf("target %#v; want the file's flavour, URL and tokens", r)
	}
}

// With the mock, Open does the dance of the protocol; a dance that fails
// (here: the context is already over) is the mock's failure, not the input's.
func TestOpenMock(t *testing.T) {
	for _, proto := range []string{"oauth1", "oauth2"} {
		r, err := Open(context.Background(), Want{Protocol: proto, Flavor: "cloud"})
		if err != nil {
			t.Fatalf("%s: %v", proto, err)
		}
		switch tg := r.(type) {
		case *Target:
			if proto != "oauth1" || tg.Token == "" || tg.mock == nil {
				t.Errorf("%s: %#v; want the OAuth 1.0a mock with a token", proto, tg)
			}
		case *OAuth2:
			if proto != "oauth2" || tg.Token.AccessToken == "" || tg.mock == nil {
				t.Errorf("%s: %#v; want the OAuth 2.0 mock with a token", proto, tg)
			}
		}
		r.Close()

		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var re *RemoteError
		if r, err := Open(ctx, Want{Protocol: proto, Flavor: "server"}); !errors.As(err, &re) || r != nil {
			t.Errorf("%s: cancelled dance: %v, %v; want a *RemoteError and no target", proto, r, err)
		}
	}
}
