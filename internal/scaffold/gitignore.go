package scaffold

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// GitignoreName is the file Write adds beside the suite.
const GitignoreName = ".gitignore"

// gitignore keeps out of git what bridge writes that holds a secret: private
// keys (`bridge keygen` writes PREFIX.key), access tokens (`bridge live
// --save-token`, e.g. jira-token.json) and connection backups, which hold the
// private key (`bridge publish --backup-dir`, NAME-ID-TIME.json). Public keys
// (PREFIX.pub) stay: they are meant to be shared.
const gitignore = `# Written by bridge init: files that hold secrets stay out of git.
# Private keys (bridge keygen)
*.key
*.pem
# Access tokens (bridge live --save-token)
*token*.json
# Connection backups, which hold the private key (bridge publish --backup-dir)
backups/
`

// writeGitignore writes GitignoreName into dir unless one exists, which is
// left alone. It returns the path written, or "".
func writeGitignore(dir string) (string, error) {
	path := filepath.Join(dir, GitignoreName)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(gitignore); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}
