package connection

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var flagNames = map[Field]string{FieldJIRAURL: "--jira-url", FieldName: "--name", FieldPublicKey: "--public-key"}

// TestNamedOneProblem: one problem reads with its name and still matches
// its sentinel and *Error.
func TestNamedOneProblem(t *testing.T) {
	p := goodParams(t)
	p.JIRAURL = "ftp://jira.example.com"
	_, err := Validate(p)
	named := Named(err, flagNames)
	if !strings.HasPrefix(named.Error(), "connection: --jira-url: ") || strings.Contains(named.Error(), "jira_url") {
		t.Errorf("Named = %q", named)
	}
	var e *Error
	if !errors.Is(named, ErrJIRAURL) || !errors.As(named, &e) || e.Field != FieldJIRAURL {
		t.Errorf("Named(%v) lost the problem: %#v", err, named)
	}
}

// TestNamedManyProblems: several problems read as a count and one line
// each; a field without a name goes by its identifier.
func TestNamedManyProblems(t *testing.T) {
	p := goodParams(t)
	p.JIRAURL, p.Name, p.ConsumerKey = "ftp://x", "no spaces allowed", " "
	_, err := Validate(p)
	got := Named(err, flagNames).Error()
	lines := strings.Split(got, "\n")
	if len(lines) != 4 || lines[0] != "3 problems with the connection settings:" {
		t.Fatalf("Named = %q", got)
	}
	for i, prefix := range []string{"  connection: --jira-url: ", "  connection: consumer_key: ", "  connection: --name: "} {
		if !strings.HasPrefix(lines[i+1], prefix) {
			t.Errorf("line %d = %q; want prefix %q", i+1, lines[i+1], prefix)
		}
	}
}

// TestNamedFileError: an unreadable file reads "NAME: reason" and stays a
// *FileError; other errors pass as they are.
func TestNamedFileError(t *testing.T) {
	_, _, err := ReadFiles(Params{PrivateKeyPEM: "x", PublicKeySource: filepath.Join(t.TempDir(), "nothere.pub")}, "")
	named := Named(err, flagNames)
	var fe *FileError
	if !strings.HasPrefix(named.Error(), "--public-key: ") || !errors.As(named, &fe) || fe.Field != FieldPublicKey {
		t.Errorf("Named = %q", named)
	}
	other := errors.New("other")
	if Named(other, flagNames) != other || Named(nil, flagNames) != nil {
		t.Error("Named changed an error that holds no problem")
	}
}

// TestLoad: Load reads the files and validates, with ReadFiles's warning
// first and the reachability warning last; a bad file or a bad setting is
// its error, keeping ReadFiles's warnings.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "jira.key")
	if err := os.WriteFile(key, []byte(readKey(t, "pkcs8.key")), 0o644); err != nil {
		t.Fatal(err)
	}
	p := Params{JIRAURL: "http://localhost:8080/", ConsumerKey: "auth0-jira", PrivateKeySource: key}
	v, warnings, err := Load(t.Context(), p, "", fakeResolver{})
	if err != nil || v.JIRAURL != "http://localhost:8080" || v.PrivateKey == nil {
		t.Fatalf("Load = %+v, %v", v, err)
	}
	if len(warnings) != 3 || !strings.Contains(warnings[0], "readable by others") ||
		!strings.Contains(warnings[1], "uses http") || !strings.Contains(warnings[2], "cannot reach localhost") {
		t.Errorf("warnings = %q", warnings)
	}
	p.ConsumerKey = ""
	if _, warnings, err = Load(t.Context(), p, "", fakeResolver{}); !errors.Is(err, ErrConsumerKey) || len(warnings) != 1 {
		t.Errorf("Load with no consumer key = %q, %v", warnings, err)
	}
	var fe *FileError
	if _, _, err = Load(t.Context(), p, filepath.Join(dir, "nothere.js"), nil); !errors.As(err, &fe) || fe.Field != FieldScript {
		t.Errorf("Load with a missing script = %v", err)
	}
}
