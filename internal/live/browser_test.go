package live

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHasDisplay(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	cases := []struct {
		goos string
		vars map[string]string
		want bool
	}{
		{"linux", nil, false},
		{"linux", map[string]string{"DISPLAY": ":0"}, true},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, true},
		{"freebsd", nil, false},
		{"darwin", nil, true},
		{"windows", nil, true},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, HasDisplay(c.goos, env(c.vars)), "%s %v", c.goos, c.vars)
	}
}

// Opener opens a browser only where there is a display and --no-browser was
// not given; else the authorize URL is only printed.
func TestOpener(t *testing.T) {
	none := func(string) string { return "" }
	display := func(k string) string { return map[string]string{"DISPLAY": ":0"}[k] }
	assert.NotNil(t, Opener(false, "linux", display))
	assert.NotNil(t, Opener(false, "darwin", none))
	assert.Nil(t, Opener(false, "linux", none), "no display")
	assert.Nil(t, Opener(true, "linux", display), "--no-browser")
	assert.Nil(t, Opener(true, "windows", none), "--no-browser")
}

// OpenBrowser runs the opener github.com/cli/browser finds (xdg-open first on
// Linux) with the URL as one argument, and nothing it prints reaches stdout.
func TestOpenBrowser(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the fake opener is a shell script named xdg-open")
	}
	dir := t.TempDir()
	got := filepath.Join(dir, "args")
	opener := "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$1\" > " + got + "\necho opened\n"
	if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte(opener), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	stderr := os.Stderr
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	os.Stderr = w
	u := "http://jira/plugins/servlet/oauth/authorize?oauth_token=a&b=c d;$(x)"
	err = OpenBrowser(u)
	os.Stderr = stderr
	w.Close()
	printed, _ := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	args, err := os.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	assert.Equal(t, "1\n"+u+"\n", string(args), "the URL is one argument, not shell text")
	assert.Equal(t, "opened\n", string(printed), "the opener's output goes to stderr, never stdout")
}
