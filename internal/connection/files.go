package connection

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/inputfile"
	"github.com/jira-auth0-bridge/bridge/internal/scriptsrc"
)

// FileError is a settings file that cannot be used: unreadable, too large,
// not a regular file, or an empty script. Field names the setting.
type FileError struct {
	Field Field
	Err   error
}

func (e *FileError) Error() string { return e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// ReadFiles fills in p's key PEMs from the files p.PrivateKeySource (unless
// p.PrivateKeyPEM is given, e.g. read from the environment or stdin) and
// p.PublicKeySource ("": none) name, and its script from scriptPath ("":
// p.Script stays), bounded as inputfile reads (keys 64 KiB, scripts 1 MiB);
// nothing is validated (Validate does). The warnings are for stderr: a
// private key file others can read.
func ReadFiles(p Params, scriptPath string) (Params, []string, error) {
	var warnings []string
	read := func(field Field, path, what string) (string, error) {
		data, err := inputfile.Read(path, int64(inputfile.MaxKeyFile), "key file")
		if err != nil {
			return "", &FileError{Field: field, Err: fmt.Errorf("%w; pass %s", err, what)}
		}
		return string(data), nil
	}
	var err error
	fromFile := p.PrivateKeyPEM == ""
	if fromFile {
		if p.PrivateKeyPEM, err = read(FieldPrivateKey, p.PrivateKeySource, "the .key file made by `bridge keygen`"); err != nil {
			return p, nil, err
		}
	}
	// Only a file that does hold a private key is worth the warning: a .pub
	// passed by mistake gets its own error from Validate.
	if fi, err := os.Stat(p.PrivateKeySource); fromFile && err == nil && fi.Mode().Perm()&0o077 != 0 && strings.Contains(p.PrivateKeyPEM, "PRIVATE KEY-----") {
		warnings = append(warnings, fmt.Sprintf("%s is readable by others (mode %04o): it holds your private key; chmod 600 %s", p.PrivateKeySource, fi.Mode().Perm(), p.PrivateKeySource))
	}
	if p.PublicKeySource != "" {
		if p.PublicKeyPEM, err = read(FieldPublicKey, p.PublicKeySource, "the .pub file pasted into JIRA"); err != nil {
			return p, warnings, err
		}
	}
	if scriptPath != "" {
		src, err := scriptsrc.Load(scriptPath)
		if err != nil {
			return p, warnings, &FileError{Field: FieldScript, Err: fmt.Errorf("%w; pass a fetchUserProfile script, e.g. one made by `bridge init`", err)}
		}
		if strings.TrimSpace(src.Text) == "" {
			return p, warnings, &FileError{Field: FieldScript, Err: errors.New(scriptPath + " is empty; give a fetchUserProfile script, or leave out --script for the shipped one")}
		}
		p.Script, p.ScriptName = src.Text, src.Name
	}
	return p, warnings, nil
}
