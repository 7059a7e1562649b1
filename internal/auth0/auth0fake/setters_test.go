package auth0fake

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// SetNow, SetHook and SetAfterWrite may be called while a client is talking to
// the fake: they take the fake's lock, which the handlers read the three under.
// Under -race, assigning the fields here instead is reported as a data race;
// without it, the test checks that each setter takes effect for the requests
// that follow it.
func TestSettersWhileServing(t *testing.T) {
	s := New()
	defer s.Close()
	s.AddToken("all", AllScopes...)

	// A client keeps the fake busy while the setters run; served counts its
	// answers without touching the fake's lock.
	var served atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	// Stopped on every way out, a failed wait included, before s.Close.
	stopClient := sync.OnceFunc(func() { close(stop); wg.Wait() })
	defer stopClient()
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			req, _ := http.NewRequest("GET", s.URL()+"/api/v2/connections", nil)
			req.Header.Set("Authorization", "Bearer all")
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
			served.Add(1)
		}
	}()
	// Let the background client get going before the setters run.
	waitFor(t, "the background client's first 3 requests", func() bool { return len(s.Requests()) >= 3 })

	var hooked atomic.Int32
	s.SetHook(func(r *http.Request) {
		if r.Method == http.MethodPost {
			hooked.Add(1)
		}
	})
	s.SetAfterWrite(func(c map[string]any) { c["display_name"] = "changed by the tenant" })
	fixed := time.Unix(1_800_000_000, 0)
	s.SetNow(func() time.Time { return fixed })
	// Let the handlers read the three while nothing else of the test's
	// synchronizes with them: a plain assignment above would be a race here.
	n := served.Load()
	waitFor(t, "5 more answers after the setters", func() bool { return served.Load() >= n+5 })
	s.Fail("GET", "/api/v2/connections/con_aaaaaaaaaaaaaaaa", 1, Fault{Status: 429, ResetIn: 5 * time.Second})

	status, body := do(t, s, "POST", "/api/v2/connections", "all", `{"name":"jira","strategy":"oauth1"}`)
	if status != 201 || !strings.Contains(body, `"display_name":"changed by the tenant"`) {
		t.Errorf("create after SetAfterWrite: %d %s; want 201 with the AfterWrite change", status, body)
	}
	if hooked.Load() != 1 {
		t.Errorf("hook saw %d POSTs; want 1", hooked.Load())
	}
	req, _ := http.NewRequest("GET", s.URL()+"/api/v2/connections/con_aaaaaaaaaaaaaaaa", nil)
	req.Header.Set("Authorization", "Bearer all")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got, want := resp.Header.Get("X-Ratelimit-Reset"), strconv.FormatInt(fixed.Add(5*time.Second).Unix(), 10); got != want {
		t.Errorf("x-ratelimit-reset = %q; want %q (the clock set by SetNow)", got, want)
	}

	s.SetHook(nil)
	s.SetAfterWrite(nil)
	s.SetNow(nil)
	stopClient()
}

// waitFor polls cond until it holds, failing the test (instead of hanging it)
// if it does not within 5 seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 5s for %s; gave up", what)
		}
		time.Sleep(time.Millisecond)
	}
}
