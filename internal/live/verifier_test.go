package live

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseVerifier(t *testing.T) {
	cases := []struct {
		name, line, want string
		wantKind         Kind
	}{
		{name: "bare verifier", line: "  Ab12Cd \r", want: "Ab12Cd"},
		{name: "quoted", line: `'Ab12Cd'`, want: "Ab12Cd"},
		{name: "blank", line: "   ", want: ""},
		{name: "the URL the browser landed on", line: "https://auth0.example/login/callback?oauth_token=rt1&oauth_verifier=Xy9#frag", want: "Xy9"},
		{name: "a query string", line: "oauth_verifier=Xy9&oauth_token=rt1", want: "Xy9"},
		{name: "a URL without the token", line: "https://x/cb?oauth_verifier=Xy9", want: "Xy9"},
		{name: "another request's URL", line: "https://x/cb?oauth_token=old&oauth_verifier=Xy9", wantKind: KindMismatch},
		{name: "denied", line: "denied", wantKind: KindDenied},
		{name: "a denial URL", line: "https://x/cb?oauth_token=rt1&oauth_verifier=denied", wantKind: KindDenied},
		{name: "not a verifier", line: "the code is 123", wantKind: KindInput},
		{name: "empty oauth_verifier", line: "https://x/cb?oauth_verifier=", wantKind: KindInput},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseVerifier(c.line, "rt1")
			if c.wantKind != "" {
				var e *Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, c.wantKind, e.Kind)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestReadVerifier(t *testing.T) {
	ctx := context.Background()
	var prompt strings.Builder
	v, err := ReadVerifier(ctx, strings.NewReader("\n  \nAb12Cd\n"), &prompt, "rt1")
	require.NoError(t, err)
	assert.Equal(t, "Ab12Cd", v)
	assert.Equal(t, 3, strings.Count(prompt.String(), "Paste the verifier"), "a blank line prompts again")

	_, err = ReadVerifier(ctx, strings.NewReader(""), io.Discard, "rt1")
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, KindInput, e.Kind)
	assert.Contains(t, e.Error(), "standard input ended")

	r, w := io.Pipe() // nobody ever types
	defer w.Close()
	tctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	_, err = ReadVerifier(tctx, r, io.Discard, "rt1")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}
