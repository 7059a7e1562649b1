package scriptsrc

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/jira-auth0-bridge/bridge"
)

func TestLoadShipped(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != bridge.ShippedScriptName || s.Text != bridge.ShippedScript || s != Shipped() {
		t.Errorf("Load(\"\") = %q (%d bytes); want the shipped script", s.Name, len(s.Text))
	}
}

func TestLoadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my.js")
	const text = "function (t, s, ctx, cb) { cb(null, {user_id: 'JIRA_URL'}); }"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != path || s.Text != text {
		t.Errorf("Load = %+v; want the file's name and text", s)
	}
	if got := s.Sources(); len(got) != 1 || got[path] != text {
		t.Errorf("Sources = %v", got)
	}
}

func TestLoadMissing(t *testing.T) {
	_, err := Load("nosuch.js")
	var pe *fs.PathError
	if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) || err.Error() != "open nosuch.js: no such file or directory" {
		t.Errorf("Load(missing) = %v; want the *fs.PathError of the read", err)
	}
}
