package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestIsTerminal: colours only on a character device (a terminal; /dev/null
// stands in for one here), never with NO_COLOR set or TERM=dumb, and the
// stdout counter of Main does not hide the device.
func TestIsTerminal(t *testing.T) {
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
		{"character device", dev, "", "xterm", true},
		{"behind Main's counter", &countingWriter{w: dev}, "", "xterm", true},
		{"NO_COLOR", dev, "1", "xterm", false},
		{"TERM=dumb", dev, "", "dumb", false},
		{"regular file", file, "", "xterm", false},
		{"pipe or buffer", &bytes.Buffer{}, "", "xterm", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", tt.noColor)
			t.Setenv("TERM", tt.term)
			if got := isTerminal(tt.w); got != tt.want {
				t.Errorf("isTerminal = %v; want %v", got, tt.want)
			}
		})
	}
}
