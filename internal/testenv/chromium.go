package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// ChromiumPath is where Debian's chromium package puts the browser; `make
// test` installs it (tools/install-chromium.sh).
const ChromiumPath = "/usr/bin/chromium"

// Chromium returns the browser for the chromedp tests: ChromiumPath, else
// chromium on PATH. A missing browser fails the test under CI=true and skips
// it elsewhere.
func Chromium(t testing.TB) string {
	t.Helper()
	if _, err := os.Stat(ChromiumPath); err == nil {
		return ChromiumPath
	}
	if path, err := exec.LookPath("chromium"); err == nil {
		return path
	}
	Missing(t, "Chromium is missing at %s: run `make chromium` (apt-get install chromium)", ChromiumPath)
	return ""
}
