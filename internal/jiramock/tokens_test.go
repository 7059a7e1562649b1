package jiramock

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dghubble/oauth1"
	"github.com/jira-auth0-bridge/bridge"
)

// postSigned POSTs form (signed, as dghubble/oauth1 signs form bodies) with
// token in the Authorization header.
func postSigned(t *testing.T, cfg *oauth1.Config, token, u string, form url.Values) reply {
	t.Helper()
	c := oauthClient(t, cfg, token, "")
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	_, _ = ioCopy(&b, resp)
	return reply{resp.StatusCode, resp.Header, b.String()}
}

var alnum32 = regexp.MustCompile(`^[A-Za-z0-9]{32}$`)

func TestRequestToken(t *testing.T) {
	m := newMock(t, Config{})
	u := m.URL() + pathRequestToken
	for _, tc := range []struct {
		name     string
		callback []string
		status   int
		problem  string
		field    string
	}{
		{"oob", []string{"oob"}, 200, "", ""},
		{"https callback", []string{"https://tenant.auth0.com/login/callback?x=1"}, 200, "", ""},
		{"relative callback", []string{"/login/callback"}, 400, ProblemParameterRejected, "oauth_parameters_rejected=oauth_callback"},
		{"javascript callback", []string{"javascript:alert(1)"}, 400, ProblemParameterRejected, "oauth_parameters_rejected=oauth_callback"},
		{"OOB is not oob", []string{"OOB"}, 400, ProblemParameterRejected, "oauth_parameters_rejected=oauth_callback"},
		{"no callback", nil, 400, ProblemParameterAbsent, "oauth_parameters_absent=oauth_callback"},
		{"two callbacks", []string{"oob", "oob"}, 400, ProblemParameterRejected, "oauth_parameters_rejected=oauth_callback"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := url.Values{}
			for _, cb := range tc.callback {
				form.Add("oauth_callback", cb)
			}
			r := postSigned(t, &oauth1.Config{}, "", u, form)
			if tc.problem != "" {
				assertProblem(t, r, tc.status, tc.problem)
				if !strings.Contains(r.body, tc.field) {
					t.Errorf("body %q lacks %q", r.body, tc.field)
				}
				return
			}
			if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") {
				t.Fatalf("%d %s %s", r.status, r.header.Get("Content-Type"), r.body)
			}
			v, err := url.ParseQuery(r.body)
			if err != nil || !alnum32.MatchString(v.Get("oauth_token")) || !alnum32.MatchString(v.Get("oauth_token_secret")) || v.Get("oauth_callback_confirmed") != "true" {
				t.Errorf("reply %q", r.body)
			}
		})
	}
}

// danceStep drives a dance by hand so that each step can be broken.
type danceStep struct {
	t     *testing.T
	m     *Mock
	cfg   *oauth1.Config
	rt    string
	rs    string
	xsrf  string
	noRdr *http.Client
}

func startDance(t *testing.T, m *Mock, callback string) *danceStep {
	t.Helper()
	cfg := &oauth1.Config{
		ConsumerKey: bridge.DefaultConsumerKey,
		CallbackURL: callback,
		Endpoint:    oauth1.Endpoint{RequestTokenURL: m.URL() + pathRequestToken, AuthorizeURL: m.URL() + pathAuthorize, AccessTokenURL: m.URL() + pathAccessToken},
		Signer:      &oauth1.RSASigner{PrivateKey: testKey(t)},
	}
	rt, rs, err := cfg.RequestToken()
	if err != nil {
		t.Fatal(err)
	}
	noRdr := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &danceStep{t: t, m: m, cfg: cfg, rt: rt, rs: rs, noRdr: noRdr}
}

func (d *danceStep) page() reply {
	d.t.Helper()
	r := get(d.t, d.noRdr, d.m.URL()+pathAuthorize+"?oauth_token="+d.rt)
	if mm := atlTokenRe.FindStringSubmatch(r.body); mm != nil {
		d.xsrf = mm[1]
	}
	return r
}

func (d *danceStep) decide(button, user, xsrf string) reply {
	d.t.Helper()
	form := url.Values{"oauth_token": {d.rt}, "atl_token": {xsrf}, "user": {user}, button: {"x"}}
	req, _ := http.NewRequest("POST", d.m.URL()+pathAuthorize, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := d.noRdr.Do(req)
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	_, _ = ioCopy(&b, resp)
	return reply{resp.StatusCode, resp.Header, b.String()}
}

func (d *danceStep) verifier(r reply) string {
	d.t.Helper()
	u, err := url.Parse(r.header.Get("Location"))
	if r.status != 302 || err != nil {
		d.t.Fatalf("approval: %d %q %s", r.status, r.header.Get("Location"), r.body)
	}
	if u.Query().Get("oauth_token") != d.rt {
		d.t.Errorf("redirect %s lacks the request token", u)
	}
	return u.Query().Get("oauth_verifier")
}

func (d *danceStep) exchange(cfg *oauth1.Config, verifier string) reply {
	d.t.Helper()
	if cfg == nil {
		cfg = &oauth1.Config{}
	}
	return postSigned(d.t, cfg, d.rt, d.m.URL()+pathAccessToken, url.Values{"oauth_verifier": {verifier}})
}

func TestApprovalPage(t *testing.T) {
	m := newMock(t, Config{})
	d := startDance(t, m, "https://tenant.example/cb?state=1")
	r := d.page()
	for _, want := range []string{`<select id="user" name="user">`, `<option value="fred">Fred F. User (fred)</option>`, `<option value="jdoe">`,
		`<button type="submit" id="approve" name="approve"`, `<button type="submit" id="deny" name="deny"`, `name="atl_token" value="`, `Auth0 (test consumer)`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if r.status != 200 || d.xsrf == "" {
		t.Fatalf("page %d, atl_token %q", r.status, d.xsrf)
	}
	if r := d.decide("approve", "fred", ""); r.status != 403 || !strings.Contains(r.body, "XSRF") {
		t.Errorf("no atl_token: %d %s", r.status, r.body)
	}
	if r := d.decide("approve", "fred", "wrong"); r.status != 403 {
		t.Errorf("wrong atl_token: %d %s", r.status, r.body)
	}
	if r := d.decide("approve", "ghost", d.xsrf); r.status != 400 || !strings.Contains(r.body, "fred, jdoe") {
		t.Errorf("unknown user: %d %s", r.status, r.body)
	}
	r = d.decide("approve", "jdoe", d.xsrf)
	v := d.verifier(r)
	if !regexp.MustCompile(`^[A-Za-z0-9]{6}$`).MatchString(v) || !strings.HasPrefix(r.header.Get("Location"), "https://tenant.example/cb?state=1&oauth_token=") {
		t.Errorf("Location %q", r.header.Get("Location"))
	}
	assertProblem(t, d.decide("approve", "jdoe", d.xsrf), 401, ProblemTokenUsed)
	assertProblem(t, d.page(), 401, ProblemTokenUsed)
	assertProblem(t, get(t, http.DefaultClient, m.URL()+pathAuthorize+"?oauth_token=nope"), 401, ProblemTokenRejected)
	assertProblem(t, get(t, http.DefaultClient, m.URL()+pathAuthorize), 400, ProblemParameterAbsent)
}

func TestApprovalOOB(t *testing.T) {
	m := newMock(t, Config{})
	d := startDance(t, m, "oob")
	d.page()
	r := d.decide("approve", "fred", d.xsrf)
	mm := regexp.MustCompile(`<code id="oauth_verifier">([A-Za-z0-9]{6})</code>`).FindStringSubmatch(r.body)
	if r.status != 200 || mm == nil {
		t.Fatalf("oob page: %d %s", r.status, r.body)
	}
	if _, _, err := d.cfg.AccessToken(d.rt, d.rs, mm[1]); err != nil {
		t.Errorf("exchanging the oob verifier: %v", err)
	}
}

// TestAccessTokenProblems runs the access-token checks in JIRA's order
// (docs/jira.md "OAuth 1.0a provider"), each provoked on its own.
func TestAccessTokenProblems(t *testing.T) {
	clock := &skewClock{}
	other := Consumer{Key: "other", PublicKey: &otherKey().PublicKey}
	m := newMock(t, Config{Now: clock.now, Consumers: []Consumer{DefaultConsumer(), other}})
	approvedDance := func() (*danceStep, string) {
		d := startDance(t, m, "https://tenant.example/cb")
		d.page()
		return d, d.verifier(d.decide("approve", "fred", d.xsrf))
	}

	t.Run("unknown token", func(t *testing.T) {
		d, v := approvedDance()
		d.rt = "NoSuchRequestToken"
		assertProblem(t, d.exchange(nil, v), 401, ProblemTokenRejected)
	})
	t.Run("access token is not a request token", func(t *testing.T) {
		d, v := approvedDance()
		d.rt, _, _ = m.MintAccessToken(Grant{ConsumerKey: "auth0-jira"})
		assertProblem(t, d.exchange(nil, v), 401, ProblemTokenRejected)
	})
	t.Run("not approved", func(t *testing.T) {
		d := startDance(t, m, "oob")
		assertProblem(t, d.exchange(nil, "abcdef"), 401, ProblemPermissionUnknown)
	})
	t.Run("denied", func(t *testing.T) {
		d := startDance(t, m, "https://tenant.example/cb")
		d.page()
		if v := d.verifier(d.decide("deny", "", d.xsrf)); v != "denied" {
			t.Errorf("deny verifier %q", v)
		}
		assertProblem(t, d.exchange(nil, "denied"), 401, ProblemPermissionDenied)
	})
	t.Run("another consumer", func(t *testing.T) {
		d, v := approvedDance()
		assertProblem(t, d.exchange(&oauth1.Config{ConsumerKey: "other", Signer: &oauth1.RSASigner{PrivateKey: otherKey()}}, v), 401, ProblemTokenRejected)
	})
	t.Run("wrong verifier", func(t *testing.T) {
		d, v := approvedDance()
		assertProblem(t, d.exchange(nil, v+"x"), 401, ProblemTokenRejected)
		assertProblem(t, d.exchange(nil, ""), 401, ProblemTokenRejected)
	})
	t.Run("bad signature comes last", func(t *testing.T) {
		d, v := approvedDance()
		assertProblem(t, d.exchange(&oauth1.Config{Signer: &oauth1.RSASigner{PrivateKey: otherKey()}}, v), 401, ProblemSignatureInvalid)
		// The failed attempt did not use up the token.
		if r := d.exchange(nil, v); r.status != 200 {
			t.Errorf("after a bad signature: %d %s", r.status, r.body)
		}
	})
	t.Run("exchanged once, then reused", func(t *testing.T) {
		d, v := approvedDance()
		r := d.exchange(nil, v)
		f, err := url.ParseQuery(r.body)
		if r.status != 200 || err != nil {
			t.Fatalf("%d %s", r.status, r.body)
		}
		for k, want := range map[string]string{"oauth_expires_in": "157680000", "oauth_authorization_expires_in": "160272000"} {
			if f.Get(k) != want {
				t.Errorf("%s = %q, want %q", k, f.Get(k), want)
			}
		}
		for _, k := range []string{"oauth_token", "oauth_token_secret", "oauth_session_handle"} {
			if !alnum32.MatchString(f.Get(k)) {
				t.Errorf("%s = %q, want 32 alnum", k, f.Get(k))
			}
		}
		fs := assertProblem(t, d.exchange(nil, v), 401, ProblemTokenRejected)
		if !strings.Contains(fs.Get("oauth_problem_advice"), "already exchanged") {
			t.Errorf("advice %q", fs.Get("oauth_problem_advice"))
		}
	})
	t.Run("expired", func(t *testing.T) {
		d, v := approvedDance()
		clock.set(10*time.Minute + time.Second)
		defer clock.set(0)
		// The token check comes before the timestamp check (docs/jira.md "OAuth 1.0a provider").
		assertProblem(t, d.exchange(nil, v), 401, ProblemTokenExpired)
		assertProblem(t, d.page(), 401, ProblemTokenExpired)
	})
	t.Run("expired access token", func(t *testing.T) {
		tok, sec, _ := m.MintAccessToken(Grant{ConsumerKey: "auth0-jira"})
		clock.set(accessTokenLifetime + time.Second)
		defer clock.set(0)
		assertProblem(t, get(t, oauthClient(t, &oauth1.Config{}, tok, sec), m.URL()+pathSession), 401, ProblemTokenExpired)
	})
}
