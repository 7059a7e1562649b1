package live

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestListenCallbackLoopbackOnly(t *testing.T) {
	for _, addr := range []string{":0", "0.0.0.0:0", "[::]:0", "10.1.2.3:0", "example.com:0", "127.0.0.1"} {
		t.Run(addr, func(t *testing.T) {
			_, err := ListenCallback(addr)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, KindInput, e.Kind)
		})
	}
	for _, addr := range []string{"", "127.0.0.1:0", "localhost:0"} {
		t.Run("ok "+addr, func(t *testing.T) {
			c, err := ListenCallback(addr)
			require.NoError(t, err)
			defer c.Close()
			assert.Regexp(t, `^http://127\.0\.0\.1:[1-9][0-9]*/callback$`, c.URL())
		})
	}
}

// get fetches the callback URL with the query, addressed to host (or the
// callback's own host when empty).
func get(t *testing.T, c *CallbackServer, method, host, query string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, c.URL()+"?"+query, nil)
	require.NoError(t, err)
	if host != "" {
		req.Host = host
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestCallback(t *testing.T) {
	cases := []struct {
		name         string
		query        string
		wantStatus   int
		wantPage     string
		wantVerifier string
		wantKind     Kind
	}{
		{name: "approved", query: "oauth_token=rt1&oauth_verifier=Ab12Cd", wantStatus: 200, wantPage: "Go back to the terminal", wantVerifier: "Ab12Cd"},
		{name: "denied", query: "oauth_token=rt1&oauth_verifier=denied", wantStatus: 200, wantPage: "You denied bridge access", wantKind: KindDenied},
		{name: "another request's token", query: "oauth_token=other&oauth_verifier=Ab12Cd", wantStatus: 400, wantPage: "another request", wantKind: KindMismatch},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cb, err := ListenCallback("")
			require.NoError(t, err)
			defer cb.Close()
			cb.Expect("rt1")
			status, page := get(t, cb, "GET", "", c.query)
			assert.Equal(t, c.wantStatus, status)
			assert.Contains(t, page, c.wantPage)

			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			v, err := cb.Wait(ctx)
			if c.wantKind == "" {
				require.NoError(t, err)
				assert.Equal(t, c.wantVerifier, v)
			} else {
				var e *Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, c.wantKind, e.Kind)
				assert.NotEmpty(t, e.Advice)
			}

			// Only the first answer counts.
			status, page = get(t, cb, "GET", "", "oauth_token=rt1&oauth_verifier=zzz")
			assert.Equal(t, http.StatusConflict, status)
			assert.Contains(t, page, "already has")
		})
	}
}

func TestCallbackIgnoresStrayRequests(t *testing.T) {
	cb, err := ListenCallback("")
	require.NoError(t, err)
	defer cb.Close()
	cb.Expect("rt1")

	status, _ := get(t, cb, "GET", "", "")
	assert.Equal(t, http.StatusBadRequest, status, "no parameters")
	status, _ = get(t, cb, "POST", "", "oauth_token=rt1&oauth_verifier=v")
	assert.Equal(t, http.StatusMethodNotAllowed, status)
	status, _ = get(t, cb, "GET", "evil.example.com", "oauth_token=rt1&oauth_verifier=v")
	assert.Equal(t, http.StatusMisdirectedRequest, status, "DNS rebinding")

	// None of them ended the wait: the real callback still does.
	localhost := strings.Replace(strings.TrimPrefix(cb.URL(), "http://"), "127.0.0.1", "localhost", 1)
	status, _ = get(t, cb, "GET", strings.TrimSuffix(localhost, CallbackPath), "oauth_token=rt1&oauth_verifier=v9")
	assert.Equal(t, http.StatusOK, status)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	v, err := cb.Wait(ctx)
	require.NoError(t, err)
	assert.Equal(t, "v9", v)
}

func TestCallbackWaitEndsWithContext(t *testing.T) {
	cb, err := ListenCallback("")
	require.NoError(t, err)
	defer cb.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = cb.Wait(ctx)
	assert.ErrorIs(t, err, context.Canceled)
}
