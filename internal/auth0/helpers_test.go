package auth0

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/auth0/auth0fake"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// fakeClock is a clock that only moves when the client sleeps.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
}

func newClock() *fakeClock { return &fakeClock{t: time.Unix(1_800_000_000, 0)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Sleep(_ context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	c.t = c.t.Add(d)
	return nil
}

func (c *fakeClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

const testToken = "tok-9f8e7d6c5b4a39281706"

// setup starts a fake tenant and a client holding an API token with scopes.
func setup(t *testing.T, scopes ...string) (*auth0fake.Server, *Client, *fakeClock, *bytes.Buffer) {
	t.Helper()
	fake := auth0fake.New()
	t.Cleanup(fake.Close)
	fake.AddToken(testToken, scopes...)
	fake.SetNow(func() time.Time { return time.Unix(1_800_000_000, 0) })
	tenant, err := ParseTenant(fake.URL())
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(tenant, Credentials{APIToken: testToken}, nil)
	if err != nil {
		t.Fatal(err)
	}
	clock := newClock()
	c.Retry = Retry{Sleep: clock.Sleep, Now: clock.Now, Jitter: func() float64 { return 0.5 }}
	var log bytes.Buffer
	c.Log = &log
	return fake, c, clock, &log
}

const jiraBody = `{"name":"jira","strategy":"oauth1","options":{"client_id":"auth0-jira","client_secret":"PEM","requestTokenURL":"https://jira.example.com/plugins/servlet/oauth/request-token","scripts":{"fetchUserProfile":"function(){}"}}}`

// attemptTransport records each attempt's deadline and lets the first attempt
// run under it. A later attempt first waits (at most 5 s) until served says
// the first one's request is done at the fake, then is sent with its
// deadline lifted: only the first attempt can time out, however slow the
// machine, and a later one can never meet the first one's fault.
type attemptTransport struct {
	base      http.RoundTripper
	served    func() bool
	mu        sync.Mutex
	deadlines []attemptDeadline
}

type attemptDeadline struct {
	at   time.Time
	left time.Duration
}

func (a *attemptTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	base := a.base
	if base == nil {
		base = http.DefaultTransport
	}
	if r.URL.Path == "/oauth/token" {
		return base.RoundTrip(r)
	}
	dl, ok := r.Context().Deadline()
	if !ok {
		return nil, fmt.Errorf("attempt without a deadline: %s %s", r.Method, r.URL)
	}
	a.mu.Lock()
	a.deadlines = append(a.deadlines, attemptDeadline{at: dl, left: time.Until(dl)})
	n := len(a.deadlines)
	a.mu.Unlock()
	if n > 1 {
		for wait := time.Now().Add(5 * time.Second); !a.served(); time.Sleep(time.Millisecond) {
			if time.Now().After(wait) {
				return nil, fmt.Errorf("test: attempt %d: the first attempt's request was not done at the fake after 5s", n)
			}
		}
		r = r.WithContext(context.WithoutCancel(r.Context()))
	}
	return base.RoundTrip(r)
}
