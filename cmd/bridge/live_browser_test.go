package main

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/exit"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// newBrowser starts headless Chromium with exactly the flags the issue asks for
// and a fresh profile, and returns a tab's context.
func newBrowser(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(testenv.Chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelTab)
	return tab
}

// TestLiveInBrowser drives the whole of `bridge live` end to end: bridge asks
// the mock JIRA for a request token and prints the authorize URL; headless
// Chromium opens it, picks a user on the mock's approval page and clicks Allow
// or Deny; the mock redirects the browser to bridge's loopback callback.
func TestLiveInBrowser(t *testing.T) {
	cases := []struct {
		name       string
		button     string
		wantCode   int
		wantPage   string
		wantStdout []string
		wantStderr []string
	}{
		{
			name: "Allow", button: "approve", wantCode: exit.OK,
			wantPage:   "Go back to the terminal",
			wantStdout: []string{`"user_id": "jdoe"`, `"email": "jane.doe@example.com"`},
			wantStderr: []string{"JIRA granted an access token"},
		},
		{
			name: "Deny", button: "deny", wantCode: exit.CheckFailed,
			wantPage:   "You denied bridge access",
			wantStderr: []string{"access denied: the JIRA user clicked Deny", "click Allow"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			tab := newBrowser(t, ctx)
			mock, err := jiramock.New(jiramock.Config{})
			require.NoError(t, err)
			defer mock.Close()

			run := startLive(t, mock.URL())
			authURL := run.authorizeURL(t)

			require.NoError(t, chromedp.Do(tab,
				chromedp.Navigate(authURL),
				chromedp.WaitVisible(chromedp.CSS(`button[name=`+c.button+`]`)),
			), "stderr:\n%s", run.stderr)
			approval, err := chromedp.Run(tab, chromedp.Text(chromedp.CSS("body")))
			require.NoError(t, err)
			assert.Contains(t, approval, bridge.DefaultConsumerKey, "the approval page names the consumer")
			require.NoError(t, chromedp.Do(tab,
				chromedp.SetValue(chromedp.CSS(`select[name=user]`), "jdoe"),
				chromedp.Click(chromedp.CSS(`button[name=`+c.button+`]`)),
				chromedp.WaitVisible(chromedp.ID("bridge-message")),
			), "stderr:\n%s", run.stderr)
			page, err := chromedp.Run(tab, chromedp.Text(chromedp.ID("bridge-message")))
			require.NoError(t, err)
			assert.Contains(t, page, c.wantPage)

			code := run.wait(t)
			t.Logf("stderr:\n%s\nstdout:\n%s", run.stderr, &run.stdout)
			assert.Equal(t, c.wantCode, code, "stderr:\n%s", run.stderr)
			for _, w := range c.wantStdout {
				assert.Contains(t, run.stdout.String(), w)
			}
			if len(c.wantStdout) == 0 {
				assert.Empty(t, run.stdout.String())
			}
			for _, w := range c.wantStderr {
				assert.Contains(t, run.stderr.String(), w)
			}
			assert.NotContains(t, run.stderr.String()+run.stdout.String(), "PRIVATE KEY", "the key never shows")
		})
	}
}
