package connection

import (
	"fmt"
	"os"
	"path/filepath"
)

// Format is an output format of `bridge connection`.
type Format string

// The formats: the Management API body, the HAR request of the Auth0 guide,
// a Terraform `auth0_connection` resource (docs/auth0.md "Terraform") and an
// auth0-deploy-cli tenant.yaml fragment (docs/auth0.md "auth0-deploy-cli").
const (
	FormatJSON      Format = "json"
	FormatHAR       Format = "har"
	FormatTerraform Format = "terraform"
	FormatDeployCLI Format = "deploy-cli"
)

// ParseFormatFlags checks `bridge connection`'s --format, its alias --har
// (which may only agree with it) and --out (terraform and deploy-cli only).
func ParseFormatFlags(s string, har bool, out string) (Format, error) {
	if har {
		if s != string(FormatJSON) && s != string(FormatHAR) {
			return "", fmt.Errorf("--har and --format %s disagree; give one of them", s)
		}
		s = string(FormatHAR)
	}
	f, err := ParseFormat(s)
	if err == nil && out != "" && (f == FormatJSON || f == FormatHAR) {
		err = fmt.Errorf("--out is for --format terraform or deploy-cli; redirect stdout for %s", f)
	}
	return f, err
}

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case FormatJSON, FormatHAR, FormatTerraform, FormatDeployCLI:
		return f, nil
	}
	return "", fmt.Errorf("--format: unknown format %q: use json, har, terraform or deploy-cli", s)
}

// TerraformFile is the file `--format terraform --out DIR` writes the
// resource to, beside the script it reads with file().
const TerraformFile = "connection.tf"

// IaCOutput is an infrastructure-as-code rendering of a connection: what goes
// to stdout, the files written, and what the format cannot carry.
type IaCOutput struct {
	Stdout   []byte
	Files    []string
	Warnings []string
}

// WriteIaC renders b (a *Body or *OAuth2Body) as f, FormatTerraform or
// FormatDeployCLI. With dir "" the rendering goes to Stdout (for Terraform,
// a warning says that the script must be written beside it, as
// c.ScriptFile); with a dir, Terraform writes TerraformFile and the rendered
// script there, deploy-cli writes its directory format (WriteDeployCLIDir).
func WriteIaC(b Built, f Format, dir string, c IaC) (IaCOutput, error) {
	var out IaCOutput
	var script string
	switch b := b.(type) {
	case *Body:
		script = b.Options.Scripts.FetchUserProfile
		if f == FormatTerraform {
			out.Stdout = b.Terraform(c)
		} else if dir == "" {
			out.Stdout = b.DeployCLIYAML(c)
		} else {
			files, err := b.WriteDeployCLIDir(dir, c)
			return IaCOutput{Files: files}, err
		}
	case *OAuth2Body:
		script = b.Options.Scripts.FetchUserProfile
		if f == FormatTerraform {
			out.Stdout, out.Warnings = b.Terraform(c)
		} else if dir == "" {
			out.Stdout = b.DeployCLIYAML(c)
		} else {
			files, err := b.WriteDeployCLIDir(dir, c)
			return IaCOutput{Files: files}, err
		}
	default:
		return out, fmt.Errorf("connection: no %s rendering for %T", f, b)
	}
	if f == FormatDeployCLI {
		return out, nil
	}
	if dir == "" {
		out.Warnings = append(out.Warnings, fmt.Sprintf("the resource reads the script with file(%q): write both with --out DIR", c.scriptFile()))
		return out, nil
	}
	return writeTerraformDir(dir, out, script, c)
}

// writeTerraformDir writes the resource and the rendered script into dir.
func writeTerraformDir(dir string, out IaCOutput, script string, c IaC) (IaCOutput, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return out, fmt.Errorf("terraform directory: %w; check that --out %s is a writable directory", err, dir)
	}
	files := map[string][]byte{TerraformFile: out.Stdout, c.scriptFile(): []byte(script)}
	for _, name := range []string{TerraformFile, c.scriptFile()} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return out, fmt.Errorf("terraform directory: %w; check that --out %s is writable", err, dir)
		}
		out.Files = append(out.Files, path)
	}
	out.Stdout = nil
	return out, nil
}
