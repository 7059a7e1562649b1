package livecheck

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/script"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// browse plays the person's browser: it follows the authorize URL (the
// mock auto-approves) and its redirect to bridge's callback.
func browse(u string) error {
	go func() {
		if resp, err := http.Get(u); err == nil {
			resp.Body.Close()
		}
	}()
	return nil
}

// oauth1Check is a check of the shipped script against jiraURL with the
// shipped test consumer.
func oauth1Check(t *testing.T, jiraURL, saveToken string) OAuth1 {
	t.Helper()
	key, err := keys.ParsePrivateKey(bridge.TestPrivateKeyPEM, "test.key")
	if err != nil {
		t.Fatal(err)
	}
	src := scriptsrc.Shipped()
	prog, err := script.Compile(src.Name, src.Render(jiraURL))
	if err != nil {
		t.Fatal(err)
	}
	return OAuth1{
		Dance: live.Options{JIRAURL: jiraURL, ConsumerKey: bridge.DefaultConsumerKey, PrivateKey: key,
			ApproveTimeout: 10 * time.Second, OpenBrowser: browse},
		KeyPEM: string(bridge.TestPrivateKeyPEM), Program: prog, SaveToken: saveToken,
		Limits: script.Options{Timeout: 20 * time.Second},
	}
}

// The whole check against the mock: the dance, the token saved, the script
// run with it, and the token secret redacted from what follows.
func TestOAuth1AgainstMock(t *testing.T) {
	m, err := jiramock.New(jiramock.Config{Flavor: jiramock.Server, AutoApprove: "fred"})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	tokenFile := filepath.Join(t.TempDir(), "token.json")
	var stderr strings.Builder
	out := oauth1Check(t, m.URL(), tokenFile).Run(context.Background(), &stderr)
	if out.Err != nil {
		t.Fatalf("check: %v\n%s", out.Err, stderr.String())
	}
	if !out.Real || out.Result.Outcome != script.KindProfile || !strings.Contains(string(out.Result.Profile), `"fred"`) {
		t.Fatalf("outcome %+v; want fred's profile from JIRA", out)
	}
	if _, ok := out.Sources[scriptsrc.Shipped().Name]; !ok {
		t.Errorf("sources %v; want the script's", out.Sources)
	}
	tf, err := live.ReadTokenFile(tokenFile)
	if err != nil || tf.JIRAURL != m.URL() || tf.TokenSecret == "" {
		t.Fatalf("token file %+v, %v", tf, err)
	}
	for _, want := range []string{"bridge: saved the access token to " + tokenFile, "bridge: running " + scriptsrc.Shipped().Name + " against " + m.URL()} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	stderr.Reset()
	if _, err := out.Log.Write([]byte("secret " + tf.TokenSecret + "\n")); err != nil || strings.Contains(stderr.String(), tf.TokenSecret) {
		t.Errorf("the log shows the token secret: %q", stderr.String())
	}
}

// A check stops at its stage: the dance (JIRA unreachable: live's error, for
// the exit code) or the token file (a directory), with the key redacted.
func TestOAuth1Stages(t *testing.T) {
	var ce *Error
	var le *live.Error
	out := oauth1Check(t, "http://127.0.0.1:9", "").Run(context.Background(), &strings.Builder{})
	if !errors.As(out.Err, &ce) || ce.Stage != StageDance || !errors.As(out.Err, &le) || le.Kind != live.KindUnreachable || out.Log == nil {
		t.Fatalf("unreachable JIRA: %+v; want the dance's *live.Error", out)
	}

	m, err := jiramock.New(jiramock.Config{Flavor: jiramock.Server, AutoApprove: "fred"})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	var stderr strings.Builder
	out = oauth1Check(t, m.URL(), t.TempDir()).Run(context.Background(), &stderr)
	if !errors.As(out.Err, &ce) || ce.Stage != StageSave || out.Result != nil {
		t.Fatalf("token file a directory: %+v; want the save stage, and no run", out)
	}
	if strings.Contains(stderr.String(), "bridge: running") {
		t.Errorf("the script ran after the save failed:\n%s", stderr.String())
	}
}
