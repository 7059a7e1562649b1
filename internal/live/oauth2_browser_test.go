package live

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/jira-auth0-bridge/bridge/internal/testenv"
)

// TestRunOAuth2InBrowser drives the mock's OAuth 2.0 consent page in headless
// Chromium: RunOAuth2 prints the authorization URL, Chromium opens it, picks
// a user, clicks Allow or Deny, and the mock redirects it to bridge's
// loopback redirect URI.
func TestRunOAuth2InBrowser(t *testing.T) {
	for _, tc := range []struct {
		name, flavor, user, button, wantPage string
		wantKind                             Kind
	}{
		{"DC Allow", FlavorServer, "jdoe", "approve", "Go back to the terminal", ""},
		{"DC Deny", FlavorServer, "fred", "deny", "You denied bridge access", KindDenied},
		{"Cloud Allow", FlavorCloud, "5b10a2844c20165700ede21g", "approve", "Go back to the terminal", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Generous: Chromium starts slowly on a loaded machine.
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
				chromedp.ExecPath(testenv.Chromium(t)),
				chromedp.Flag("headless", true),
				chromedp.Flag("no-sandbox", true),
				chromedp.Flag("disable-gpu", true),
				chromedp.Flag("disable-dev-shm-usage", true),
				chromedp.Flag("no-first-run", true),
				chromedp.UserDataDir(t.TempDir()))
			defer cancelAlloc()
			tab, cancelTab := chromedp.NewContext(alloc)
			defer cancelTab()

			m, opts := oauth2Mock(t, tc.flavor, "")
			opts.ApproveTimeout = 2 * time.Minute
			urls := make(chan string, 1)
			opts.OpenBrowser = func(u string) error { urls <- u; return nil }
			type result struct {
				tok *oauth2.Token
				err error
			}
			done := make(chan result, 1)
			go func() {
				tok, err := RunOAuth2(ctx, opts)
				done <- result{tok, err}
			}()
			authURL := <-urls
			require.NoError(t, chromedp.Do(tab,
				chromedp.Navigate(authURL),
				chromedp.WaitVisible(chromedp.CSS(`button[name=`+tc.button+`]`)),
			))
			consent, err := chromedp.Run(tab, chromedp.Text(chromedp.CSS("body")))
			require.NoError(t, err)
			assert.Contains(t, consent, opts.ClientID, "the consent page names the client")
			require.NoError(t, chromedp.Do(tab,
				chromedp.SetValue(chromedp.CSS(`select[name=user]`), tc.user),
				chromedp.Click(chromedp.CSS(`button[name=`+tc.button+`]`)),
				chromedp.WaitVisible(chromedp.ID("bridge-message")),
			))
			msg, err := chromedp.Run(tab, chromedp.Text(chromedp.ID("bridge-message")))
			require.NoError(t, err)
			assert.Contains(t, msg, tc.wantPage)

			r := <-done
			if tc.wantKind != "" {
				assert.Equal(t, tc.wantKind, asError(t, r.err).Kind)
				return
			}
			require.NoError(t, r.err)
			path := "/rest/api/2/myself"
			if tc.flavor == FlavorCloud {
				path = "/me"
			}
			body, status := getBearer(t, m.URL()+path, r.tok)
			assert.Equal(t, 200, status, body)
			assert.Contains(t, body, tc.user, "the token is the chosen user's")
		})
	}
}
