package render

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
)

// TestIsTerminal: colours only on a terminal (a pseudo-terminal here; the
// character device /dev/null is not one), never with NO_COLOR set or
// TERM=dumb, and the stdout counter of Main does not hide the terminal.
func TestIsTerminal(t *testing.T) {
	tty := openPTY(t)
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		// Every platform bridge supports has the null device: its absence
		// is a broken machine, not a reason to skip.
		t.Fatalf("open %s: %v; the test needs this character device", os.DevNull, err)
	}
	defer dev.Close()
	file, err := os.Create(filepath.Join(t.TempDir(), "report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	tests := []struct {
		name          string
		w             io.Writer
		noColor, term string
		want          bool
	}{
		{"terminal", tty, "", "xterm", true},
		{"behind Main's counter", &exit.Counter{W: tty}, "", "xterm", true},
		{"NO_COLOR", tty, "1", "xterm", false},
		{"TERM=dumb", tty, "", "dumb", false},
		{"character device, not a terminal", dev, "", "xterm", false},
		{"regular file", file, "", "xterm", false},
		{"pipe or buffer", &bytes.Buffer{}, "", "xterm", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", tt.noColor)
			t.Setenv("TERM", tt.term)
			if got := IsTerminal(tt.w); got != tt.want {
				t.Errorf("IsTerminal = %v; want %v", got, tt.want)
			}
		})
	}
}
