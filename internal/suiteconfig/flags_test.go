package suiteconfig

import (
	"errors"
	"os"
	"path/filepath"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// TestFlagsCheck: each bad flag is refused with its name and the fix; good
// flags pass.
func TestFlagsCheck(t *testing.T) {
	good := Flags{ConsumerKey: "auth0-jira", Flavor: "cloud", Protocol: "oauth2", Run: "^server/"}
	if err := good.Check(); err != nil {
		t.Fatalf("Check(%+v) = %v", good, err)
	}
	for _, tc := range []struct {
		change func(*Flags)
		want   string
	}{
		{func(f *Flags) { f.ConsumerKey = " " }, "--consumer-key is empty; give the consumer key the script signs as, or leave the flag out for "},
		{func(f *Flags) { f.Flavor = "dc" }, `--flavor "dc": use server or cloud`},
		{func(f *Flags) { f.Protocol = "oauth3" }, `--protocol "oauth3": use oauth1 or oauth2`},
		{func(f *Flags) { f.Run = "(" }, "--run: error parsing regexp: missing closing ): `(`"},
	} {
		f := good
		tc.change(&f)
		if err := f.Check(); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Check(%+v) = %v; want %q", f, err, tc.want)
		}
	}
	var se *syntax.Error
	if err := (Flags{ConsumerKey: "k", Run: "("}).Check(); !errors.As(err, &se) {
		t.Errorf("--run error %v does not keep the regexp's", err)
	}
}

// TestFlagsOptions: the flags' Config runs the shipped scripts when no
// script is named; a selection that keeps nothing names the selecting
// flags; a bad key names --private-key; the typed errors stay reachable.
func TestFlagsOptions(t *testing.T) {
	f := Flags{ConsumerKey: "auth0-jira", Flavor: "server", Protocol: "oauth1", Parallel: 3, Strict: true}
	opts, err := f.Options(scriptsrc.Shipped(), nil)
	if err != nil || len(opts.Cases) == 0 || opts.Parallel != 3 || !opts.Strict || opts.ConsumerKey != "auth0-jira" {
		t.Fatalf("Options = %+v, %v", opts, err)
	}
	f.Run = "^nothing$"
	_, err = f.Options(scriptsrc.Shipped(), nil)
	var nm *NoMatchError
	if !errors.As(err, &nm) || !strings.HasPrefix(err.Error(), `no case of the built-in suite matches --run "^nothing$" --flavor server --protocol oauth1 (`) {
		t.Errorf("no match: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.key")
	if err := os.WriteFile(bad, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	f.Run, f.PrivateKey = "", bad
	_, err = f.Options(scriptsrc.Shipped(), nil)
	var e *Error
	if !errors.As(err, &e) || e.Field != FieldPrivateKey || !strings.HasPrefix(err.Error(), "--private-key: ") {
		t.Errorf("bad key: %v", err)
	}
}

// TestFlagsOptionsScript: a script of the user's own needs its own cases;
// with cases of both protocols it needs --protocol.
func TestFlagsOptionsScript(t *testing.T) {
	mine := scriptsrc.Source{Name: "mine.js", Text: "function fetchUserProfile(t, s, ctx, cb) { cb(null, {}) }"}
	f := Flags{Script: "mine.js", ConsumerKey: "k"}
	if _, err := f.Options(mine, nil); !errors.Is(err, ErrNeedsCases) {
		t.Errorf("own script on the built-in suite: %v; want ErrNeedsCases", err)
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.json": `{"user": {"name": "fred"}, "expect": {"profile": {"user_id": "fred"}}}`,
		"b.json": `{"protocol": "oauth2", "flavor": "server", "user": {"name": "fred"}, "expect": {"profile": {"user_id": "fred"}}}`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f.CasesDir = dir
	_, err := f.Options(mine, nil)
	var pe *ProtocolError
	if !errors.As(err, &pe) || err.Error() != "--script mine.js is one protocol's script and "+dir+" holds oauth1 and oauth2 cases: add --protocol oauth1 or --protocol oauth2" {
		t.Errorf("both protocols: %v", err)
	}
}
