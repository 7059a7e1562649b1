// Package scaffold starts a suite of the user's own (`bridge init`): a copy of
// the shipped script and of the default cases, to edit and run with
// `bridge test --script DIR/fetchUserProfile.js --cases DIR/cases`.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
)

// ScriptName is the script file Write writes; CasesDir the cases directory.
const (
	ScriptName = "fetchUserProfile.js"
	CasesDir   = "cases"
)

// ExistsError says what is already there: Write never overwrites.
type ExistsError struct{ Paths []string }

func (e *ExistsError) Error() string {
	if len(e.Paths) == 1 {
		return fmt.Sprintf("%s already exists; init never overwrites: pick another DIR or move it away", e.Paths[0])
	}
	return fmt.Sprintf("%s already exist; init never overwrites: pick another DIR or move them away", strings.Join(e.Paths, " and "))
}

// NotDirError is a DIR that is a file.
type NotDirError struct{ Path string }

func (e *NotDirError) Error() string {
	return fmt.Sprintf("%s is a file, not a directory: give a new or existing directory", e.Path)
}

// Write writes the shipped OAuth 1.0a script and its default cases into dir,
// creating it if needed, and a .gitignore for secrets unless dir has one
// (gitignore.go); it returns the files written. It checks first that nothing
// would be overwritten.
func Write(dir string) ([]string, error) { return WriteFor(dir, Kind{}) }

// WriteFor is Write for the script of k: the shipped OAuth 1.0a script, or
// for oauth2 the shipped script of k's flavour, with the default cases of
// that protocol (and, for oauth2, flavour).
func WriteFor(dir string, k Kind) ([]string, error) {
	scriptPath, casesPath := filepath.Join(dir, ScriptName), filepath.Join(dir, CasesDir)
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, &NotDirError{Path: dir}
	}
	var exist []string
	for _, p := range []string{scriptPath, casesPath} {
		if _, err := os.Lstat(p); err == nil {
			exist = append(exist, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if len(exist) > 0 {
		return nil, &ExistsError{Paths: exist}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%w; give a directory you can write to", err)
	}
	if err := os.WriteFile(scriptPath, []byte(k.script()), 0o644); err != nil {
		return nil, err
	}
	written, err := copyCases(casesPath, k)
	written = append([]string{scriptPath}, written...)
	if err != nil {
		return written, fmt.Errorf("copying the default cases: %w", err)
	}
	if ignore, err := writeGitignore(dir); err != nil {
		return written, fmt.Errorf("writing %s: %w", GitignoreName, err)
	} else if ignore != "" {
		written = append(written, ignore)
	}
	return written, nil
}

// copyCases copies the default suite's cases of k, but for dot files, to
// target.
func copyCases(target string, k Kind) ([]string, error) {
	var written []string
	err := fs.WalkDir(bridge.DefaultCases, cases.DefaultDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != cases.DefaultDir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, cases.DefaultDir), "/")
		dst := filepath.Join(target, filepath.FromSlash(rel))
		if d.IsDir() {
			return nil // made when a case of k is written into it
		}
		data, err := fs.ReadFile(bridge.DefaultCases, p)
		if err != nil {
			return err
		}
		if !k.keeps(data) {
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
		written = append(written, dst)
		return nil
	})
	return written, err
}
