package jiramock

import (
	"crypto/rand"
	"crypto/rsa"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dghubble/oauth1"
)

// skewClock is a server clock tests can move.
type skewClock struct{ off atomic.Int64 }

func (c *skewClock) now() time.Time      { return time.Now().Add(time.Duration(c.off.Load())) }
func (c *skewClock) set(d time.Duration) { c.off.Store(int64(d)) }

var otherKey = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
})

// TestRESTProblems provokes each oauth_problem a signed REST call can get and
// checks the reply JIRA's way: status, WWW-Authenticate and the form body.
func TestRESTProblems(t *testing.T) {
	clock := &skewClock{}
	m := newMock(t, Config{Now: clock.now})
	tok, sec, err := m.MintAccessToken(Grant{ConsumerKey: "auth0-jira"})
	if err != nil {
		t.Fatal(err)
	}
	session := m.URL() + "/rest/auth/1/session"
	flip := func(sig string) string { // change one base64 character
		b := []byte(sig)
		if b[5] == 'A' {
			b[5] = 'B'
		} else {
			b[5] = 'A'
		}
		return string(b)
	}
	var sentAt time.Time // the mock's clock as the case's request went out
	cases := []struct {
		name    string
		cfg     oauth1.Config
		token   string
		url     string
		skew    time.Duration
		before  func(c *http.Client) // e.g. use a nonce first
		status  int
		problem string
		check   func(t *testing.T, fields map[string][]string)
	}{
		{name: "tampered signature", cfg: oauth1.Config{Signer: signer{key: testKey(t), mangle: flip}},
			status: 401, problem: ProblemSignatureInvalid,
			check: func(t *testing.T, f map[string][]string) {
				base := only(t, f, "oauth_signature_base_string")
				if !strings.HasPrefix(base, "GET&"+percentEncode(m.URL()+"/rest/auth/1/session")+"&oauth_consumer_key%3Dauth0-jira%26oauth_nonce%3D") ||
					!strings.Contains(base, "%26oauth_token%3D"+tok+"%26oauth_version%3D1.0") {
					t.Errorf("base string %q", base)
				}
				if only(t, f, "oauth_signature_method") != "RSA-SHA1" || only(t, f, "oauth_signature") == "" {
					t.Errorf("fields %v", f)
				}
			}},
		{name: "wrong key", cfg: oauth1.Config{Signer: signer{key: otherKey()}}, status: 401, problem: ProblemSignatureInvalid},
		{name: "unknown consumer", cfg: oauth1.Config{ConsumerKey: "someone-else"}, status: 401, problem: ProblemConsumerKeyUnknown},
		{name: "unknown token", token: "NoSuchToken", status: 401, problem: ProblemTokenRejected},
		{name: "replayed nonce", cfg: oauth1.Config{Noncer: fixedNonce("same-nonce-" + t.Name())},
			before: func(c *http.Client) {
				if r := get(t, c, session); r.status != 200 {
					t.Fatalf("first use of the nonce: %d %s", r.status, r.body)
				}
			}, status: 401, problem: ProblemNonceUsed},
		// 302 s: the window is ±300 s around the clock rounded to the
		// nearest second (net.oauth), so 301 s can pass at a half second.
		{name: "timestamp too old", skew: 302 * time.Second, status: 400, problem: ProblemTimestampRefused,
			check: func(t *testing.T, f map[string][]string) {
				window := only(t, f, "oauth_acceptable_timestamps")
				los, his, ok := strings.Cut(window, "-")
				lo, errLo := strconv.ParseInt(los, 10, 64)
				hi, errHi := strconv.ParseInt(his, 10, 64)
				if !ok || errLo != nil || errHi != nil {
					t.Fatalf("oauth_acceptable_timestamps %q; want LO-HI, unix seconds", window)
				}
				// 600 s wide, centred on the mock's clock (skewed by
				// tc.skew) rounded to the nearest second, as it read
				// somewhere between sending and now.
				if hi-lo != 600 {
					t.Errorf("oauth_acceptable_timestamps %q: %d s wide; want 600", window, hi-lo)
				}
				round := func(tm time.Time) int64 { return (tm.UnixMilli() + 500) / 1000 }
				if mid, from, to := (lo+hi)/2, round(sentAt), round(clock.now()); mid < from || mid > to {
					t.Errorf("oauth_acceptable_timestamps %q centred on %d; want the mock's clock, %d..%d", window, mid, from, to)
				}
			}},
		{name: "timestamp in the future", skew: -302 * time.Second, status: 400, problem: ProblemTimestampRefused},
		{name: "HMAC-SHA1", cfg: oauth1.Config{Signer: &oauth1.HMACSigner{ConsumerSecret: "x"}}, status: 400, problem: ProblemSignatureMethodRejected},
		{name: "duplicated oauth parameter", url: session + "?oauth_nonce=again", status: 400, problem: ProblemParameterRejected,
			check: func(t *testing.T, f map[string][]string) {
				// net.oauth lists every value of the repeated parameter.
				if r := only(t, f, "oauth_parameters_rejected"); !strings.HasPrefix(r, "oauth_nonce=") || !strings.HasSuffix(r, "&oauth_nonce=again") {
					t.Errorf("fields %v", f)
				}
			}},
		// dghubble/oauth1 signs only the first value of a repeated key (docs/fidelity.md "dghubble/oauth1");
		// JIRA signs both, so real JIRA refuses it too.
		{name: "repeated query key", url: session + "?a=2&a=1", status: 401, problem: ProblemSignatureInvalid,
			check: func(t *testing.T, f map[string][]string) {
				if base := only(t, f, "oauth_signature_base_string"); !strings.Contains(base, "session&a%3D1%26a%3D2%26oauth_consumer_key%3D") {
					t.Errorf("base string %q does not hold both values, sorted", base)
				}
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clock.set(tc.skew)
			defer clock.set(0)
			token := tok
			if tc.token != "" {
				token = tc.token
			}
			c := oauthClient(t, &tc.cfg, token, sec)
			if tc.before != nil {
				tc.before(c)
			}
			u := session
			if tc.url != "" {
				u = tc.url
			}
			sentAt = clock.now()
			r := get(t, c, u)
			f := assertProblem(t, r, tc.status, tc.problem)
			if f.Get("oauth_problem_advice") == "" {
				t.Error("no oauth_problem_advice")
			}
			if tc.check != nil {
				tc.check(t, f)
			}
			log := m.Requests()
			if last := log[len(log)-1]; last.Verdict != tc.problem || last.Status != tc.status {
				t.Errorf("log entry %+v", last)
			}
		})
	}
}

// Problems found before the signature, from hand-written headers.
func TestHeaderProblems(t *testing.T) {
	m := newMock(t, Config{})
	tok, _, _ := m.MintAccessToken(Grant{ConsumerKey: "auth0-jira"})
	ts := time.Now().Unix()
	hdr := func(extra string) string {
		return `OAuth oauth_consumer_key="auth0-jira",oauth_token="` + tok + `",oauth_signature_method="RSA-SHA1",oauth_signature="AAAA",oauth_timestamp="` +
			itoa(ts) + `",oauth_nonce="` + randomAlnum(8) + `"` + extra
	}
	for _, tc := range []struct {
		name, path, auth string
		status           int
		problem, field   string
		value            string
	}{
		{"version 2.0", "/rest/auth/1/session", hdr(`,oauth_version="2.0"`), 400, ProblemVersionRejected, "oauth_acceptable_versions", "1.0-1.0"},
		{"duplicate in header", "/rest/auth/1/session", hdr(`,oauth_token="x"`), 400, ProblemParameterRejected, "oauth_parameters_rejected", "oauth_token=" + tok + "&oauth_token=x"},
		{"duplicate single parameter with the same value", "/rest/auth/1/session", hdr(`,oauth_signature_method="RSA-SHA1"`), 400, ProblemParameterRejected, "oauth_parameters_rejected", "oauth_signature_method=RSA-SHA1&oauth_signature_method=RSA-SHA1"},
		// net.oauth ignores a pair that is not name="value": the version is
		// not seen, so the request goes on to the signature.
		{"unquoted header value is ignored", "/rest/auth/1/session", hdr(`,oauth_version=2.0`), 401, ProblemSignatureInvalid, "", ""},
		{"bad escape", "/rest/auth/1/session", hdr(`,oauth_version="1.%G0"`), 400, ProblemParameterRejected, "", ""},
		{"non-numeric timestamp", "/rest/auth/1/session", strings.Replace(hdr(""), `oauth_timestamp="`, `oauth_timestamp="x`, 1), 400, ProblemParameterRejected, "oauth_parameters_rejected", "oauth_timestamp"},
		{"bad signature encoding", "/rest/auth/1/session", strings.Replace(hdr(""), `oauth_signature="AAAA"`, `oauth_signature="%21%21"`, 1), 401, ProblemSignatureInvalid, "", ""},
		{"missing nonce on request-token", pathRequestToken,
			`OAuth oauth_consumer_key="auth0-jira", oauth_signature_method="RSA-SHA1", oauth_signature="AAAA", oauth_timestamp="` + itoa(ts) + `", oauth_callback="oob"`,
			400, ProblemParameterAbsent, "oauth_parameters_absent", "oauth_nonce"},
		{"missing signature and nonce", pathRequestToken,
			`OAuth oauth_consumer_key="auth0-jira", oauth_signature_method="RSA-SHA1", oauth_timestamp="` + itoa(ts) + `"`,
			400, ProblemParameterAbsent, "oauth_parameters_absent", "oauth_signature&oauth_nonce"},
		{"missing consumer key", pathRequestToken, `OAuth oauth_signature_method="RSA-SHA1"`, 400, ProblemParameterAbsent, "oauth_parameters_absent", "oauth_consumer_key"},
		{"missing signature method", pathRequestToken, `OAuth oauth_consumer_key="auth0-jira"`, 400, ProblemParameterAbsent, "oauth_parameters_absent", "oauth_signature_method"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			method := "GET"
			if strings.HasPrefix(tc.path, "/plugins") {
				method = "POST"
			}
			r := do(t, http.DefaultClient, method, m.URL()+tc.path, http.Header{"Authorization": {tc.auth}})
			f := assertProblem(t, r, tc.status, tc.problem)
			if tc.field != "" && f.Get(tc.field) != tc.value {
				t.Errorf("%s = %q, want %q", tc.field, f.Get(tc.field), tc.value)
			}
		})
	}
}

func itoa(n int64) string { return formatInt(n) }

func formatInt(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestNonceCachePrunes(t *testing.T) {
	c := newNonceCache(300)
	now := int64(1_000_000)
	if !c.use("k", "t", "n1", now, now) || c.use("k", "t", "n1", now, now) {
		t.Fatal("a nonce must be accepted once")
	}
	if !c.use("k", "t", "n1", now+1, now) || !c.use("k2", "t", "n1", now, now) || !c.use("k", "t2", "n1", now, now) {
		t.Fatal("the same nonce with another timestamp, consumer or token is new")
	}
	for i := 0; i < 100; i++ {
		c.use("k", "t", "x"+formatInt(int64(i)), now, now)
	}
	if c.size() != 104 {
		t.Fatalf("size %d", c.size())
	}
	later := now + 2*300
	for i := 0; i < 200; i++ { // touch every shard
		c.use("k", "t", "y"+formatInt(int64(i)), later, later)
	}
	if c.size() != 200 {
		t.Errorf("after the window, %d nonces are kept, want only the 200 new ones", c.size())
	}
}

// only returns the single value of a problem field, failing the test (not
// panicking the binary) when the field is absent or repeated.
func only(t *testing.T, f map[string][]string, name string) string {
	t.Helper()
	if len(f[name]) != 1 {
		t.Fatalf("field %s = %q; want exactly one value (fields %v)", name, f[name], f)
	}
	return f[name][0]
}
