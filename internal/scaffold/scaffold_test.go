package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
)

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mine")
	written, err := Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join(dir, ScriptName))
	if err != nil || string(script) != bridge.ShippedScript {
		t.Fatalf("the script is not the shipped one: %v", err)
	}
	if len(written) < 2 || written[0] != filepath.Join(dir, ScriptName) {
		t.Fatalf("written = %v; want the script first, then the cases", written)
	}
	cs, err := cases.LoadDir(filepath.Join(dir, CasesDir))
	if err != nil {
		t.Fatal(err)
	}
	def, err := cases.Default()
	if err != nil {
		t.Fatal(err)
	}
	def = cases.FilterProtocol(def, "oauth1")
	if len(cs) != len(def) || len(written) != len(def)+2 || written[len(written)-1] != filepath.Join(dir, GitignoreName) {
		t.Errorf("%d cases copied, %d files written; the default suite has %d OAuth 1.0a cases", len(cs), len(written), len(def))
	}
	for _, w := range written[:len(written)-1] {
		if strings.HasPrefix(filepath.Base(w), ".") {
			t.Errorf("dot file %s copied", w)
		}
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir); err != nil {
		t.Fatal(err)
	}
	_, err := Write(dir)
	var e *ExistsError
	if !errors.As(err, &e) || len(e.Paths) != 2 || !strings.Contains(err.Error(), "already exist; init never overwrites") {
		t.Fatalf("second Write = %v; want an *ExistsError naming both", err)
	}
	file := filepath.Join(dir, ScriptName)
	_, err = Write(file)
	var nd *NotDirError
	if !errors.As(err, &nd) || nd.Path != file {
		t.Errorf("Write(a file) = %v; want a *NotDirError", err)
	}
}

// init --protocol oauth2 writes the shipped script of the flavour and the
// OAuth 2.0 cases of that flavour only.
func TestWriteOAuth2(t *testing.T) {
	for _, k := range []Kind{{"oauth2", "server"}, {"oauth2", "cloud"}} {
		dir := filepath.Join(t.TempDir(), "mine")
		if _, err := WriteFor(dir, k); err != nil {
			t.Fatal(err)
		}
		script, _ := os.ReadFile(filepath.Join(dir, ScriptName))
		if string(script) != k.script() || string(script) == bridge.ShippedScript {
			t.Errorf("%v: the script is not the shipped OAuth 2.0 one", k)
		}
		cs, err := cases.LoadDir(filepath.Join(dir, CasesDir))
		if err != nil || len(cs) < 4 {
			t.Fatalf("%v: %d cases, %v; want at least 4", k, len(cs), err)
		}
		for _, c := range cs {
			if c.Protocol != "oauth2" || string(c.Flavor) != k.Flavor {
				t.Errorf("%v: case %s (%s, %s) copied", k, c.Name, c.Protocol, c.Flavor)
			}
		}
	}
}

// init adds a .gitignore for keys, tokens and backups, and leaves one that
// exists alone.
func TestWriteGitignore(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(filepath.Join(dir, "a")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "a", GitignoreName))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\n*.key\n", "\n*token*.json\n", "\nbackups/\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf(".gitignore lacks %q:\n%s", want, data)
		}
	}
	mine := filepath.Join(dir, "b", GitignoreName)
	if err := os.MkdirAll(filepath.Dir(mine), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("node_modules/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	written, err := Write(filepath.Dir(mine))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(mine); string(got) != "node_modules/\n" || written[len(written)-1] == mine {
		t.Errorf("an existing .gitignore was touched: %q, written %v", got, written[len(written)-1])
	}
}
