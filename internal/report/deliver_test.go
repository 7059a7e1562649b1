package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestDeliver: the report goes to stdout in the format asked and, with a
// path, to the JUnit file; a JUnit file that cannot be written is a
// *JUnitError, after stdout got the report.
func TestDeliver(t *testing.T) {
	r := sample()
	var stdout, want bytes.Buffer
	junit := filepath.Join(t.TempDir(), "report.xml")
	if err := Deliver(&stdout, FormatJSON, r, TextOptions{}, junit); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&want, r); err != nil {
		t.Fatal(err)
	}
	if stdout.String() != want.String() {
		t.Errorf("stdout = %q; want the JSON report", stdout.String())
	}
	if _, err := os.Stat(junit); err != nil {
		t.Errorf("no JUnit file: %v", err)
	}
	stdout.Reset()
	var je *JUnitError
	if err := Deliver(&stdout, FormatText, r, TextOptions{}, filepath.Join(t.TempDir(), "missing", "r.xml")); !errors.As(err, &je) || stdout.Len() == 0 {
		t.Errorf("Deliver to a missing directory = %v, stdout %d bytes", err, stdout.Len())
	}
}
