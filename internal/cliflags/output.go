package cliflags

import (
	"os"
	"path/filepath"

	"github.com/jira-auth0-bridge/bridge/internal/exit"
)

// CheckOutputFile refuses, before any work, an output path whose directory
// does not exist or that is a directory (exit 2): --save-token, --junit.
func CheckOutputFile(flag, path, example string) error {
	if path == "" {
		return nil
	}
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return exit.Usagef("%s %s: the directory %s does not exist; create it or pick another path", flag, path, dir)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return exit.Usagef("%s %s is a directory; give a file name, e.g. %s", flag, path, filepath.Join(path, example))
	}
	return nil
}
