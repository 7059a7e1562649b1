package jiratarget

import (
	"errors"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/jira-auth0-bridge/bridge/internal/credentials"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jira"
)

func parsed(t *testing.T, args ...string) (*Flags, *pflag.FlagSet) {
	t.Helper()
	f := &Flags{}
	fs := pflag.NewFlagSet("run", pflag.ContinueOnError)
	f.AddFlags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return f, fs
}

// TestFlagsWant: the mock by default; any real JIRA flag asks for a real
// one, whose settings reach Want; --user and --flavor are the mock's alone
// over OAuth 1.0a.
func TestFlagsWant(t *testing.T) {
	f, fs := parsed(t)
	w, err := f.Want(fs)
	if err != nil || w != (Want{Protocol: "oauth1", Flavor: "server"}) {
		t.Errorf("defaults: %+v, %v", w, err)
	}
	for _, flag := range []string{"--jira-url", "--consumer-key", "--private-key", "--token", "--token-secret", "--token-file"} {
		if f, fs := parsed(t, flag, "x"); !f.Real(fs) {
			t.Errorf("%s does not ask for a real JIRA", flag)
		}
	}
	f, fs = parsed(t, "--jira-url", "https://j.example.com", "--consumer-key", "k", "--private-key", "p.key", "--token", "t", "--token-secret", "s", "--token-file", "f.json")
	w, err = f.Want(fs)
	want := Want{Protocol: "oauth1", Flavor: "server", Real: true, TokenFile: "f.json", PrivateKeyFile: "p.key",
		Given: credentials.JIRA{JIRAURL: "https://j.example.com", ConsumerKey: "k", Token: "t", TokenSecret: "s"}}
	if err != nil || w != want {
		t.Errorf("real: %+v, %v; want %+v", w, err, want)
	}
	for _, flag := range []string{"--user", "--flavor"} {
		f, fs := parsed(t, "--token", "t", flag, "cloud")
		_, err := f.Want(fs)
		if exit.Code(err) != exit.Usage || !strings.HasPrefix(err.Error(), flag+" is for the mock JIRA") {
			t.Errorf("%s with a real JIRA: %v; want bad usage naming it", flag, err)
		}
		f, fs = parsed(t, "--token", "t", flag, "cloud", "--protocol", "oauth2")
		if _, err := f.Want(fs); err != nil {
			t.Errorf("%s with a real JIRA over oauth2: %v", flag, err)
		}
	}
}

// TestExitErr: each of Open's errors becomes the flag it is about and its
// exit code.
func TestExitErr(t *testing.T) {
	_, urlErr := jira.NormalizeBaseURL("jira.example.com")
	tests := []struct {
		err  error
		code int
		want string
	}{
		{&FlavorError{Flavor: "dc"}, exit.Usage, `--flavor "dc": use server or cloud`},
		{&UnknownUserError{ID: "nobody"}, exit.Usage, "--user "},
		{&InputError{Flag: "--token-file", Err: errors.New("bad")}, exit.Usage, "--token-file"},
		{&RealError{Missing: []Setting{SettingToken, SettingTokenSecret}}, exit.Usage, "missing --token, --token-secret: a run against a real JIRA needs"},
		{&RealError{Setting: SettingJIRAURL, Err: urlErr}, exit.Usage, "--jira-url: "},
		{&RealError{Setting: SettingTokenFile, Err: errors.New("unreadable")}, exit.Usage, "--token-file: unreadable"},
		{&RemoteError{Err: ErrDance}, exit.Remote, "run: " + ErrDance.Error()},
		{errors.New("worker"), exit.Code(errors.New("worker")), "run: worker"},
	}
	for _, tt := range tests {
		got := ExitErr(tt.err)
		if exit.Code(got) != tt.code || !strings.HasPrefix(got.Error(), tt.want) {
			t.Errorf("ExitErr(%v) = %q (exit %d); want %q… (exit %d)", tt.err, got, exit.Code(got), tt.want, tt.code)
		}
	}
}
