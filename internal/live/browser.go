package live

import (
	"fmt"
	"os/exec"
	"runtime"
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

// browserCommand is the command that opens url in the default browser.
func browserCommand(goos, url string) (string, []string) {
	switch goos {
	case "darwin":
		return "open", []string{url}
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", url}
	}
	return "xdg-open", []string{url}
}

// OpenBrowser opens url in the default browser (xdg-open, open) and does not
// wait for it. The URL is an argument, never shell text.
func OpenBrowser(url string) error {
	name, args := browserCommand(runtime.GOOS, url)
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("live: cannot open a browser with %s: %v", name, err)
	}
	go cmd.Wait() // reap it; its exit status does not matter
	return nil
}
