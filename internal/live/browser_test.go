package live

import (
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

func TestBrowserCommand(t *testing.T) {
	u := "http://jira/plugins/servlet/oauth/authorize?oauth_token=a&b=c"
	for goos, want := range map[string]string{"linux": "xdg-open", "darwin": "open", "windows": "rundll32"} {
		name, args := browserCommand(goos, u)
		assert.Equal(t, want, name)
		assert.Equal(t, u, args[len(args)-1], "the URL is one argument, not shell text")
	}
}
