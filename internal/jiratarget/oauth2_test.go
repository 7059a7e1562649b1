package jiratarget

import (
	"context"
	"errors"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// The OAuth 2.0 dance with the mock, then the shipped script of the
// flavour: Cloud's call to api.atlassian.com reaches the mock by the host map.
func TestMockOAuth2RunsTheShippedScripts(t *testing.T) {
	for _, f := range []jiramock.Flavor{jiramock.Server, jiramock.Cloud} {
		target, err := MockOAuth2(context.Background(), f, "")
		if err != nil {
			t.Fatal(err)
		}
		res := target.Run(context.Background(), scriptsrc.ShippedFor("oauth2", string(f)), script.Options{Timeout: 20 * time.Second})
		target.Close()
		if res.Outcome != script.KindProfile {
			t.Fatalf("%s: outcome %s: %+v", f, res.Outcome, res.Error)
		}
		if f == jiramock.Cloud && (res.Requests[0].URL != "https://api.atlassian.com/me" || res.Requests[0].MappedTo == "") {
			t.Errorf("cloud request %+v; want api.atlassian.com mapped to the mock", res.Requests[0])
		}
	}
}

func TestRealOAuth2Inputs(t *testing.T) {
	none := func(string) (*oauth2.Token, string, string, error) { return nil, "", "", errors.New("unused") }
	var ie *InputError
	if _, err := RealOAuth2(jiramock.Server, "", "tok", "", none); !errors.As(err, &ie) {
		t.Errorf("DC without --jira-url: %v; want an *InputError", err)
	}
	if tg, err := RealOAuth2(jiramock.Cloud, "", "tok", "", none); err != nil || tg.Token.AccessToken != "tok" {
		t.Errorf("Cloud with a token: %v", err)
	}
	file := func(string) (*oauth2.Token, string, string, error) {
		return &oauth2.Token{AccessToken: "ft", RefreshToken: "r"}, "server", "https://jira.example.com", nil
	}
	tg, err := RealOAuth2(jiramock.Cloud, "", "", "t.json", file)
	if err != nil || tg.Flavor != jiramock.Server || tg.JIRAURL != "https://jira.example.com" || tg.Token.AccessToken != "ft" {
		t.Errorf("token file: %+v, %v; want its flavour, URL and token", tg, err)
	}
	if _, err := RealOAuth2(jiramock.Server, "", "", "t.json", none); !errors.As(err, &ie) || ie.Flag != "--token-file" {
		t.Errorf("bad token file: %v", err)
	}
}
