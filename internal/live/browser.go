package live

import (
	"fmt"
	"os"

	"github.com/cli/browser"
)

// HasDisplay reports whether a browser can be opened on this machine: on
// Linux and the BSDs only with an X11 or Wayland display (DISPLAY or
// WAYLAND_DISPLAY set; over SSH there is none), always on macOS and Windows.
func HasDisplay(goos string, getenv func(string) string) bool {
	switch goos {
	case "darwin", "windows":
		return true
	}
	return getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != ""
}

// OpenBrowser opens url in the default browser with github.com/cli/browser
// (xdg-open or wslview, open, rundll32; the URL an argument, never shell
// text). What the opener prints goes to stderr: stdout carries only
// bridge's result.
func OpenBrowser(url string) error {
	browser.Stdout, browser.Stderr = os.Stderr, os.Stderr
	if err := browser.OpenURL(url); err != nil {
		return fmt.Errorf("live: cannot open a browser: %v", err)
	}
	return nil
}

// Opener is what opens the authorize URL (Options.OpenBrowser): OpenBrowser
// when a browser can be opened here (HasDisplay with goos and getenv) and
// the person did not ask for none, else nil, and the URL is only printed.
func Opener(noBrowser bool, goos string, getenv func(string) string) func(string) error {
	if noBrowser || !HasDisplay(goos, getenv) {
		return nil
	}
	return OpenBrowser
}
