package auth0

import (
	"net/http"
	"testing"
	"time"
)

// Retry-After is delay-seconds (1*DIGIT) or an HTTP-date (RFC 9110 §10.2.3);
// x-ratelimit-reset is a unix time (docs/auth0.md "Management API" "429"). Other values are no
// hint, and no hint may overflow or go negative.
func TestHinted(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	r := Retry{Now: func() time.Time { return now }}
	day := 24 * time.Hour
	for _, tc := range []struct {
		name, retryAfter, reset string
		want                    time.Duration
		ok                      bool
	}{
		{"seconds", "3", "", 3 * time.Second, true},
		{"zero", "0", "", 0, true},
		{"HTTP-date", now.Add(90 * time.Second).Format(http.TimeFormat), "", 90 * time.Second, true},
		{"HTTP-date in the past", now.Add(-time.Hour).Format(http.TimeFormat), "", 0, true},
		{"HTTP-date far ahead", now.AddDate(5, 0, 0).Format(http.TimeFormat), "", day, true},
		{"huge seconds", "99999999999999999999", "", day, true},
		{"fraction is not delay-seconds", "1.5", "", 0, false},
		{"inf", "inf", "", 0, false},
		{"negative", "-1", "", 0, false},
		{"hex", "0x10", "", 0, false},
		{"garbage falls back to the reset", "soon", "1795867210", 10 * time.Second, true},
		{"reset", "", "1795867210", 10 * time.Second, true},
		{"reset in the past", "", "1", 0, true},
		{"reset far ahead", "", "9223372036854775807", day, true},
		{"negative reset", "", "-5", 0, false},
		{"nothing", "", "", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.retryAfter != "" {
				h.Set("Retry-After", tc.retryAfter)
			}
			if tc.reset != "" {
				h.Set("X-Ratelimit-Reset", tc.reset)
			}
			got, ok := r.hinted(h)
			if got != tc.want || ok != tc.ok {
				t.Errorf("hinted(Retry-After %q, reset %q) = %v, %v; want %v, %v", tc.retryAfter, tc.reset, got, ok, tc.want, tc.ok)
			}
		})
	}
}
