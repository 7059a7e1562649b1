package livecheck

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// oauth2Check is a check of the shipped Data Center script against a mock
// whose client redirects to a loopback port free right now.
func oauth2Check(t *testing.T, saveToken string) (OAuth2, *jiramock.Mock) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	redirect := "http://127.0.0.1:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port) + "/callback"
	ln.Close()
	client := jiramock.OAuth2Client{ID: "it-client", Secret: "it-client-secret-value", RedirectURI: redirect}
	m, err := jiramock.New(jiramock.Config{Flavor: jiramock.Server, OAuth2: client, AutoApprove: "jdoe"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(m.Close)
	return OAuth2{
		Dance: live.OAuth2Options{Flavor: "server", JIRAURL: m.URL(), ClientID: client.ID, ClientSecret: client.Secret,
			RedirectURI: redirect, ApproveTimeout: 10 * time.Second, OpenBrowser: browse},
		Source: scriptsrc.ShippedFor("oauth2", "server"), SaveToken: saveToken, Limits: script.Options{Timeout: 20 * time.Second},
	}, m
}

// The whole OAuth 2.0 check against the mock: the dance, the tokens saved
// with the refresh token, the script run with the access token, which the
// log redacts from then on.
func TestOAuth2AgainstMock(t *testing.T) {
	tokenFile := filepath.Join(t.TempDir(), "token.json")
	c, m := oauth2Check(t, tokenFile)
	var stderr strings.Builder
	out := c.Run(context.Background(), &stderr)
	if out.Err != nil {
		t.Fatalf("check: %v\n%s", out.Err, stderr.String())
	}
	if !out.Real || out.Result.Outcome != script.KindProfile || !strings.Contains(string(out.Result.Profile), "jdoe") {
		t.Fatalf("outcome %+v %s; want jdoe's profile from JIRA", out.Result, out.Result.Profile)
	}
	tf, err := live.ReadOAuth2TokenFile(tokenFile)
	if err != nil || tf.JIRAURL != m.URL() || tf.RefreshToken == "" {
		t.Fatalf("token file %+v, %v", tf, err)
	}
	if !strings.Contains(stderr.String(), "bridge: saved the tokens (with the refresh token) to "+tokenFile) {
		t.Errorf("stderr does not say where the tokens went:\n%s", stderr.String())
	}
	stderr.Reset()
	if _, err := out.Log.Write([]byte(tf.AccessToken + " " + c.Dance.ClientSecret + "\n")); err != nil ||
		strings.Contains(stderr.String(), tf.AccessToken) || strings.Contains(stderr.String(), c.Dance.ClientSecret) {
		t.Errorf("the log shows a secret: %q", stderr.String())
	}
}

// A syntax error costs no consent: the check ends before the dance, with the
// script's failure; a token file that cannot be written stops the check.
func TestOAuth2Stages(t *testing.T) {
	c, _ := oauth2Check(t, "")
	c.Source = scriptsrc.Source{Name: "bad.js", Text: "function(accessToken, ctx, cb) { cb(null, {user_id: ); }"}
	var stderr strings.Builder
	out := c.Run(context.Background(), &stderr)
	if out.Err != nil || out.Real || out.Result.Outcome != script.KindSyntax || stderr.Len() > 0 {
		t.Fatalf("syntax error: %+v, stderr %q; want the script's failure before any request", out, stderr.String())
	}

	c, _ = oauth2Check(t, t.TempDir())
	var ce *Error
	if out := c.Run(context.Background(), &stderr); !errors.As(out.Err, &ce) || ce.Stage != StageSave || out.Result != nil {
		t.Fatalf("token file a directory: %+v; want the save stage, and no run", out)
	}
}
