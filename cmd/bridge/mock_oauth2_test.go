package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/mockcfg"
)

// TestMockOAuth2Dance: `bridge mock --protocol oauth2` with a client of the
// flags prints only its URL on stdout and the client on stderr, and a full
// golang.org/x/oauth2 authorization-code dance with PKCE (jiramock.DanceOAuth2)
// against it gets a token that the flavour's profile endpoint accepts.
func TestMockOAuth2Dance(t *testing.T) {
	for _, tc := range []struct{ flavor, profile string }{{"server", "/rest/api/2/myself"}, {"cloud", "/me"}} {
		t.Run(tc.flavor, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			outR, outW := io.Pipe()
			stderr := &lockedBuffer{}
			client := jiramock.OAuth2Client{ID: "my-link", Secret: "s3cret", RedirectURI: "https://tenant.example.auth0.com/login/callback"}
			o := mockOptions{Flags: mockcfg.Flags{Addr: "127.0.0.1:0", Flavor: tc.flavor, ConsumerKey: "auth0-jira", Protocol: "oauth2",
				ClientID: client.ID, ClientSecret: client.Secret, RedirectURI: client.RedirectURI}}
			done := make(chan error, 1)
			go func() { done <- runMock(ctx, o, outW, stderr); outW.Close() }()
			line, err := bufio.NewReader(outR).ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			base := strings.TrimSuffix(line, "\n")
			tok, err := jiramock.DanceOAuth2(ctx, base, jiramock.OAuth2Dance{Flavor: jiramock.Flavor(tc.flavor), Client: client, PKCE: "S256"})
			if err != nil {
				t.Fatalf("dance: %v", err)
			}
			req, _ := http.NewRequest("GET", base+tc.profile, nil)
			tok.SetAuthHeader(req)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 || tok.RefreshToken == "" {
				t.Errorf("GET %s with the token: %d; refresh token %q", tc.profile, resp.StatusCode, tok.RefreshToken)
			}
			// A client the mock does not know gets no token.
			bad := client
			bad.Secret = "wrong"
			if _, err := jiramock.DanceOAuth2(ctx, base, jiramock.OAuth2Dance{Flavor: jiramock.Flavor(tc.flavor), Client: bad}); err == nil || !strings.Contains(err.Error(), "invalid_client") {
				t.Errorf("dance with a wrong secret: %v; want invalid_client", err)
			}
			cancel()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("bridge mock did not stop")
			}
			if rest, _ := io.ReadAll(outR); len(rest) != 0 {
				t.Errorf("stdout has more than the URL: %q", rest)
			}
			if !strings.Contains(stderr.String(), "client: --jira-client-id my-link --jira-client-secret s3cret --redirect-uri "+client.RedirectURI) {
				t.Errorf("stderr does not show the client:\n%s", stderr)
			}
		})
	}
}
