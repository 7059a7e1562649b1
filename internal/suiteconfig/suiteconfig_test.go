package suiteconfig

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

func TestOptions(t *testing.T) {
	opts, err := Config{Script: scriptsrc.Shipped(), Run: "^server/", Flavor: "server", Parallel: 2}.Options()
	if err != nil {
		t.Fatal(err)
	}
	if opts.Program == nil || opts.SyntaxError != nil || len(opts.Cases) == 0 || opts.PrivateKey != nil {
		t.Fatalf("opts = %+v; want the compiled script and the server cases", opts)
	}
	for _, c := range opts.Cases {
		if c.Flavor != "server" {
			t.Errorf("case %s of flavor %s kept", c.Name, c.Flavor)
		}
	}
}

func TestOptionsSyntaxErrorIsAnOutcome(t *testing.T) {
	opts, err := Config{Script: scriptsrc.Source{Name: "bad.js", Text: "function ("}, Protocol: "oauth1"}.Options()
	if err != nil || opts.SyntaxError == nil || opts.Program != nil {
		t.Errorf("Options = %v, syntax error %v; want no error and the syntax error kept for the cases", err, opts.SyntaxError)
	}
}

func TestOptionsErrors(t *testing.T) {
	_, err := Config{Script: scriptsrc.Shipped(), Shipped: true, Run: "^nothing$"}.Options()
	var nm *NoMatchError
	if !errors.As(err, &nm) || nm.Run != "^nothing$" || nm.Total == 0 {
		t.Errorf("no match: %v; want a *NoMatchError with the total", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.key")
	if err := os.WriteFile(bad, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Config{Script: scriptsrc.Shipped(), Shipped: true, PrivateKey: bad}.Options()
	var e *Error
	if !errors.As(err, &e) || e.Field != FieldPrivateKey {
		t.Errorf("bad key: %v; want an *Error of FieldPrivateKey", err)
	}
}

func TestCasesName(t *testing.T) {
	if got := CasesName(""); got != "the built-in suite" {
		t.Errorf(`CasesName("") = %q`, got)
	}
	if got := CasesName("my/cases"); got != "my/cases" {
		t.Errorf(`CasesName("my/cases") = %q`, got)
	}
}

// TestNeedsCases: the user's own script on the built-in suite needs cases of
// its own; the shipped script, a copy of it, or a cases directory do not.
func TestNeedsCases(t *testing.T) {
	own := scriptsrc.Source{Name: "mine.js", Text: "function fetchUserProfile() {}"}
	copied := scriptsrc.Source{Name: "copy.js", Text: scriptsrc.Shipped().Text}
	tests := []struct {
		cfg  Config
		want bool
	}{
		{Config{Script: own}, true},
		{Config{Script: own, CasesDir: "cases"}, false},
		{Config{Script: copied}, false},
		{Config{Script: scriptsrc.Shipped()}, false},
		{Config{Script: scriptsrc.Shipped(), Shipped: true}, false},
	}
	for _, tt := range tests {
		if got := tt.cfg.NeedsCases(); got != tt.want {
			t.Errorf("NeedsCases(%s, cases %q) = %v; want %v", tt.cfg.Script.Name, tt.cfg.CasesDir, got, tt.want)
		}
	}
}

// A named script is one protocol's: with cases of both, the protocol must be
// chosen; the shipped scripts run both, each case with its own.
func TestOptionsProtocol(t *testing.T) {
	mine := scriptsrc.Source{Name: "mine.js", Text: "function (t, s, ctx, cb) { cb(null, {}); }"}
	_, err := Config{Script: mine}.Options()
	var pe *ProtocolError
	if !errors.As(err, &pe) || len(pe.Protocols) != 2 {
		t.Errorf("both protocols: %v; want a *ProtocolError naming oauth1 and oauth2", err)
	}
	opts, err := Config{Script: mine, Protocol: "oauth2"}.Options()
	if err != nil || len(opts.Programs) != 0 {
		t.Fatalf("--protocol oauth2: %v, programs %v", err, opts.Programs)
	}
	for _, c := range opts.Cases {
		if c.Protocol != "oauth2" {
			t.Errorf("case %s of protocol %s kept", c.Name, c.Protocol)
		}
	}
	opts, err = Config{Script: scriptsrc.Shipped(), Shipped: true}.Options()
	if err != nil || len(opts.Programs) != 2 {
		t.Errorf("shipped: %v, %d programs; want the two OAuth 2.0 scripts next to the OAuth 1.0a one", err, len(opts.Programs))
	}
}
