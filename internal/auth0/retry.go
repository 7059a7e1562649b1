package auth0

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Retry bounds how the client retries 429, 5xx and transport failures: at most
// MaxAttempts sends within MaxElapsed. The zero value is the default policy.
type Retry struct {
	MaxAttempts int           // sends in all; 0 = 5
	MaxElapsed  time.Duration // total time budget, waits included; 0 = 2 minutes
	BaseDelay   time.Duration // first backoff; 0 = 500ms; doubles each retry
	MaxDelay    time.Duration // cap of the computed backoff; 0 = 20s

	// Sleep waits d or until ctx ends; nil = a real timer. Tests inject a fake.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock for x-ratelimit-reset and the budget; nil = time.Now.
	Now func() time.Time
	// Jitter returns a number in [0,1); nil = math/rand/v2.
	Jitter func() float64
}

func (r Retry) maxAttempts() int {
	if r.MaxAttempts <= 0 {
		return 5
	}
	return r.MaxAttempts
}

func (r Retry) maxElapsed() time.Duration {
	if r.MaxElapsed <= 0 {
		return 2 * time.Minute
	}
	return r.MaxElapsed
}

func (r Retry) now() time.Time {
	if r.Now == nil {
		return time.Now()
	}
	return r.Now()
}

func (r Retry) sleep(ctx context.Context, d time.Duration) error {
	if r.Sleep != nil {
		return r.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// backoff is the wait before retry number n (1 = the first retry) when the
// answer gave no hint: BaseDelay·2^(n-1), capped at MaxDelay, with "equal
// jitter" (half fixed, half random) so that clients spread out but never spin.
func (r Retry) backoff(n int) time.Duration {
	base, ceil := r.BaseDelay, r.MaxDelay
	if base <= 0 {
		base = 500 * time.Millisecond
	}
	if ceil <= 0 {
		ceil = 20 * time.Second
	}
	d := base
	for i := 1; i < n && d < ceil; i++ {
		d *= 2
	}
	if d > ceil {
		d = ceil
	}
	j := rand.Float64
	if r.Jitter != nil {
		j = r.Jitter
	}
	return d/2 + time.Duration(j()*float64(d/2))
}

// hinted reads how long the server asks us to wait: Retry-After (seconds or an
// HTTP date), else x-ratelimit-reset (a unix time, docs/auth0.md "Management API" "429"). ok is
// false when the answer carries neither.
func (r Retry) hinted(h http.Header) (d time.Duration, ok bool) {
	if h == nil {
		return 0, false
	}
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		// RFC 9110 §10.2.3: delay-seconds is 1*DIGIT, or an HTTP-date.
		// Anything else ("1.5", "inf", "-1", "0x10") is no hint at all.
		if digitsOnly(v) {
			secs, err := strconv.ParseInt(v, 10, 64)
			if err != nil || secs > maxHintSeconds {
				secs = maxHintSeconds // absurdly long: the budget gives up
			}
			return time.Duration(secs) * time.Second, true
		}
		if t, err := http.ParseTime(v); err == nil {
			return clampHint(t.Sub(r.now())), true
		}
	}
	if v := strings.TrimSpace(h.Get("X-Ratelimit-Reset")); v != "" {
		if unix, err := strconv.ParseInt(v, 10, 64); err == nil && unix >= 0 {
			return clampHint(time.Unix(min(unix, 1<<40), 0).Sub(r.now())), true
		}
	}
	return 0, false
}

// maxHintSeconds caps a server's hint (a day), so that converting it to a
// time.Duration cannot overflow; any hint this long exceeds MaxElapsed, and
// the client gives up at once instead of waiting.
const maxHintSeconds = 24 * 60 * 60

func clampHint(d time.Duration) time.Duration {
	return min(max(d, 0), maxHintSeconds*time.Second)
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// retryableStatus: rate limited or the server failed (docs/auth0.md "Management API" "429").
func retryableStatus(code int) bool {
	return code == http.StatusTooManyRequests || code >= 500
}
