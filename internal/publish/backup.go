package publish

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/atomicfile"
)

// writeBackup saves raw, a connection as the tenant returned it, to
// DIR/NAME-ID-YYYYMMDDTHHMMSSZ.json (DIR "" = DefaultBackupDir) with mode 0600 (it holds the tenant's
// secrets) and returns the path. It never overwrites a file, and a backup is
// never seen half-written (atomicfile.WriteFile).
func writeBackup(dir, name, id string, raw json.RawMessage, now time.Time) (string, error) {
	if dir == "" {
		d, err := DefaultBackupDir()
		if err != nil {
			return "", err
		}
		dir = d
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("creating the backup directory: %w; choose another with --backup-dir", err)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, raw, "", "  "); err != nil {
		pretty.Reset()
		pretty.Write(raw)
	}
	pretty.WriteByte('\n')
	base := fmt.Sprintf("%s-%s-%s", fileSafe(name), fileSafe(id), now.UTC().Format("20060102T150405Z"))
	for i := 0; ; i++ {
		path := filepath.Join(dir, base+".json")
		if i > 0 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d.json", base, i))
		}
		err := atomicfile.WriteFile(path, pretty.Bytes(), 0o600, atomicfile.NoReplace)
		if errors.Is(err, fs.ErrExist) && i < 100 {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("writing the backup: %w; choose another directory with --backup-dir", err)
		}
		return path, nil
	}
}

// fileSafe keeps name and id as the tenant sent them when they are what Auth0
// allows (letters, digits, '-' and '_'), and replaces anything else with '_',
// so that an odd answer cannot put the backup outside dir ("../x") or hide it.
func fileSafe(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	if len(b) == 0 {
		return "_"
	}
	return string(b)
}
