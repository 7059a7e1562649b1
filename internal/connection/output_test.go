package connection

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The Terraform directory holds the resource and the script it reads with
// file(), and parses back to the body.
func TestWriteIaCTerraformDir(t *testing.T) {
	body, err := Build(goodParams(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "tf")
	out, err := WriteIaC(body, FormatTerraform, dir, IaC{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Stdout) != 0 || len(out.Files) != 2 {
		t.Fatalf("stdout %q, files %v", out.Stdout, out.Files)
	}
	src, err := os.ReadFile(filepath.Join(dir, TerraformFile))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := parseTerraform(t, src, dir, body.Options.ClientSecret); *got != *body {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, body)
	}
}

// Without a directory, Terraform goes to stdout with a warning about the
// script file; deploy-cli goes to stdout as YAML, or writes its directory.
func TestWriteIaCStdout(t *testing.T) {
	body, err := Build(goodParams(t))
	if err != nil {
		t.Fatal(err)
	}
	out, err := WriteIaC(body, FormatTerraform, "", IaC{})
	if err != nil || !strings.Contains(string(out.Stdout), `resource "auth0_connection"`) || len(out.Warnings) != 1 || !strings.Contains(out.Warnings[0], "--out DIR") {
		t.Fatalf("terraform: %v %q %v", err, out.Stdout, out.Warnings)
	}
	out, err = WriteIaC(body, FormatDeployCLI, "", IaC{})
	if err != nil || !strings.Contains(string(out.Stdout), "\nconnections:\n") || len(out.Warnings) != 0 {
		t.Fatalf("deploy-cli: %v %q %v", err, out.Stdout, out.Warnings)
	}
	dir := t.TempDir()
	out, err = WriteIaC(body, FormatDeployCLI, dir, IaC{})
	if err != nil || len(out.Files) != 1 || out.Files[0] != filepath.Join(dir, "connections", body.Name+".json") {
		t.Fatalf("deploy-cli dir: %v %v", err, out.Files)
	}
	if _, err := ParseFormat("yaml"); err == nil {
		t.Error("ParseFormat accepted yaml")
	}
}

func TestParseFormatFlags(t *testing.T) {
	for _, c := range []struct {
		format, out string
		har         bool
		want        Format
		ok          bool
	}{
		{"json", "", true, FormatHAR, true},
		{"har", "", true, FormatHAR, true},
		{"terraform", "", true, "", false},
		{"terraform", "dir", false, FormatTerraform, true},
		{"json", "dir", false, "", false},
		{"yaml", "", false, "", false},
	} {
		got, err := ParseFormatFlags(c.format, c.har, c.out)
		if (err == nil) != c.ok || (c.ok && got != c.want) {
			t.Errorf("ParseFormatFlags(%q, %v, %q) = %q, %v", c.format, c.har, c.out, got, err)
		}
	}
}
