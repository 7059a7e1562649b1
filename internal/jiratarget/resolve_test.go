package jiratarget

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
	"github.com/jira-auth0-bridge/bridge/internal/live"
)

const testKey = "../../testdata/keys/test.key"

func TestResolve(t *testing.T) {
	// Flags win over the token file; the URL is normalized as publish stores it.
	tokenFile := filepath.Join(t.TempDir(), "token.json")
	if err := live.WriteTokenFile(tokenFile, live.TokenFile{JIRAURL: "https://file.example.com", ConsumerKey: "file-key", Token: "file-tok", TokenSecret: "file-sec"}); err != nil {
		t.Fatal(err)
	}
	tg, err := Resolve(credentials.JIRA{JIRAURL: " https://jira.example.com/ ", Token: "flag-tok"}, tokenFile, testKey)
	if err != nil {
		t.Fatal(err)
	}
	if tg.JIRAURL != "https://jira.example.com" || tg.ConsumerKey != "file-key" || tg.Token != "flag-tok" || tg.TokenSecret != "file-sec" || tg.PrivateKeyPEM == "" {
		t.Fatalf("target %+v", tg.JIRA)
	}

	var re *RealError
	_, err = Resolve(credentials.JIRA{ConsumerKey: "k", TokenSecret: "s"}, "", "")
	if !errors.As(err, &re) || !slices.Equal(re.Missing, []Setting{SettingJIRAURL, SettingPrivateKey, SettingToken}) {
		t.Fatalf("err = %v, want the missing URL, private key and token", err)
	}
	full := credentials.JIRA{JIRAURL: "https://jira.example.com/a b", ConsumerKey: "k", Token: "t", TokenSecret: "s"}
	var ue *jira.URLError
	if _, err = Resolve(full, "", testKey); !errors.As(err, &re) || re.Setting != SettingJIRAURL || !errors.As(err, &ue) {
		t.Fatalf("err = %v, want a jira.URLError for the URL", err)
	}
	full.JIRAURL = "https://jira.example.com"
	if _, err = Resolve(full, "", filepath.Join(t.TempDir(), "none.key")); !errors.As(err, &re) || re.Setting != SettingPrivateKey {
		t.Fatalf("err = %v, want a private key error", err)
	}
	if _, err = Resolve(full, filepath.Join(t.TempDir(), "none.json"), testKey); !errors.As(err, &re) || re.Setting != SettingTokenFile {
		t.Fatalf("err = %v, want a token file error", err)
	}
}
