package publish

import (
	"fmt"
	"os"
	"path/filepath"
)

// DefaultBackupDir is where publish and restore save a connection before
// they overwrite it, unless told otherwise: the per-user configuration
// directory's bridge/backups (os.UserConfigDir: $XDG_CONFIG_HOME or
// ~/.config on Linux, ~/Library/Application Support on macOS, %AppData% on
// Windows). Not the current directory, where a backup holding the tenant's
// secrets could be committed by mistake, and not the cache directory, which
// the system may empty. The directory is created with mode 0700 when a
// backup is written.
func DefaultBackupDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the per-user configuration directory for backups: %w; choose a directory with --backup-dir", err)
	}
	return filepath.Join(dir, "bridge", "backups"), nil
}
