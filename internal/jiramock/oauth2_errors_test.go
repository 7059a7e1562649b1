package jiramock

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// authorizeCode runs an auto-approved authorization and returns the code;
// extra adds or overrides authorize parameters.
func authorizeCode(t *testing.T, m *Mock, f Flavor, extra url.Values) string {
	t.Helper()
	r := authorizeRaw(t, m, f, extra)
	if r.status != http.StatusFound {
		t.Fatalf("authorize: %d %s", r.status, r.body)
	}
	code, err := CodeFromRedirect(r.header.Get("Location"), "st")
	if err != nil {
		t.Fatal(err)
	}
	return code
}

func authorizeRaw(t *testing.T, m *Mock, f Flavor, extra url.Values) reply {
	t.Helper()
	c := m.OAuth2Client()
	q := url.Values{"client_id": {c.ID}, "redirect_uri": {c.RedirectURI}, "response_type": {"code"}, "state": {"st"},
		"scope": {strings.Join(DefaultOAuth2Scopes(f), " ")}}
	if f == Cloud {
		q.Set("audience", "api.atlassian.com")
		q.Set("prompt", "consent")
	}
	for k, v := range extra {
		if v[0] == "" {
			q.Del(k)
		} else {
			q[k] = v
		}
	}
	return get(t, noRedirect, OAuth2Endpoint(m.URL(), f).AuthURL+"?"+q.Encode())
}

// postToken posts a form to f's token endpoint with the client in the body,
// or with basic, the client with a wrong secret in the Authorization header.
func postToken(t *testing.T, m *Mock, f Flavor, form url.Values, basic bool) reply {
	t.Helper()
	c := m.OAuth2Client()
	if !basic {
		if _, ok := form["client_id"]; !ok {
			form.Set("client_id", c.ID)
		}
		if _, ok := form["client_secret"]; !ok {
			form.Set("client_secret", c.Secret)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, OAuth2Endpoint(m.URL(), f).TokenURL, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basic {
		req.SetBasicAuth(c.ID, "wrong")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	_, _ = ioCopy(&b, resp)
	return reply{resp.StatusCode, resp.Header, b.String()}
}

// assertTokenError checks RFC 6749 §5.2's JSON error.
func assertTokenError(t *testing.T, r reply, status int, code string) {
	t.Helper()
	var e struct {
		Error            string `json:"error"`
		ErrorDescription string `json:"error_description"`
	}
	if err := json.Unmarshal([]byte(r.body), &e); err != nil {
		t.Fatalf("body %q is not JSON: %v", r.body, err)
	}
	if r.status != status || e.Error != code || e.ErrorDescription == "" {
		t.Fatalf("got %d %q (%q), want %d %s with a description", r.status, e.Error, e.ErrorDescription, status, code)
	}
	if !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") || r.header.Get("Cache-Control") != "no-store" {
		t.Errorf("headers %v: want application/json and Cache-Control: no-store (RFC 6749 §5.1)", r.header)
	}
}

func TestOAuth2TokenErrors(t *testing.T) {
	now := time.Now()
	clock := &now
	for _, f := range []Flavor{Server, Cloud} {
		user := "fred"
		if f == Cloud {
			user = "5b10a2844c20165700ede21g"
		}
		m := newMock(t, Config{Flavor: f, AutoApprove: user, Now: func() time.Time { return *clock }})
		redirect := m.OAuth2Client().RedirectURI
		exchange := func(code string, extra url.Values) url.Values {
			v := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {redirect}}
			for k, x := range extra {
				v[k] = x
			}
			return v
		}
		verifier := oauth2.GenerateVerifier()
		s256 := url.Values{"code_challenge": {oauth2.S256ChallengeFromVerifier(verifier)}, "code_challenge_method": {"S256"}}
		t.Run(string(f)+"/code is single-use and its tokens are revoked on reuse", func(t *testing.T) {
			code := authorizeCode(t, m, f, nil)
			r := postToken(t, m, f, exchange(code, nil), false)
			if r.status != 200 {
				t.Fatalf("first exchange: %d %s", r.status, r.body)
			}
			var tok struct {
				AccessToken string `json:"access_token"`
			}
			_ = json.Unmarshal([]byte(r.body), &tok)
			assertTokenError(t, postToken(t, m, f, exchange(code, nil), false), 400, ErrInvalidGrant)
			path := "/rest/api/2/myself"
			if f == Cloud {
				path = PathCloudMe
			}
			got := do(t, http.DefaultClient, "GET", m.URL()+path, http.Header{"Authorization": {"Bearer " + tok.AccessToken}})
			assertBearerError(t, got, 401, ErrInvalidToken)
		})
		t.Run(string(f)+"/code expires", func(t *testing.T) {
			code := authorizeCode(t, m, f, nil)
			later := now.Add(codeLifetime + time.Second)
			clock = &later
			defer func() { clock = &now }()
			assertTokenError(t, postToken(t, m, f, exchange(code, nil), false), 400, ErrInvalidGrant)
		})
		t.Run(string(f)+"/redirect_uri mismatch", func(t *testing.T) {
			code := authorizeCode(t, m, f, nil)
			assertTokenError(t, postToken(t, m, f, exchange(code, url.Values{"redirect_uri": {redirect + "x"}}), false), 400, ErrInvalidGrant)
		})
		t.Run(string(f)+"/wrong client_secret in the body", func(t *testing.T) {
			code := authorizeCode(t, m, f, nil)
			r := postToken(t, m, f, exchange(code, url.Values{"client_secret": {"wrong"}}), false)
			assertTokenError(t, r, 401, ErrInvalidClient)
		})
		t.Run(string(f)+"/wrong client_secret in Basic", func(t *testing.T) {
			code := authorizeCode(t, m, f, nil)
			r := postToken(t, m, f, exchange(code, nil), true)
			assertTokenError(t, r, 401, ErrInvalidClient)
			if !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Basic realm=") {
				t.Errorf("WWW-Authenticate %q, want Basic (RFC 6749 §5.2)", r.header.Get("WWW-Authenticate"))
			}
		})
		t.Run(string(f)+"/unknown client", func(t *testing.T) {
			code := authorizeCode(t, m, f, nil)
			assertTokenError(t, postToken(t, m, f, exchange(code, url.Values{"client_id": {"nobody"}}), false), 401, ErrInvalidClient)
		})
		t.Run(string(f)+"/PKCE verifier mismatch", func(t *testing.T) {
			code := authorizeCode(t, m, f, s256)
			assertTokenError(t, postToken(t, m, f, exchange(code, url.Values{"code_verifier": {oauth2.GenerateVerifier()}}), false), 400, ErrInvalidGrant)
			// The right verifier still works: a failed check does not burn the code.
			if r := postToken(t, m, f, exchange(code, url.Values{"code_verifier": {verifier}}), false); r.status != 200 {
				t.Fatalf("right verifier: %d %s", r.status, r.body)
			}
		})
		t.Run(string(f)+"/PKCE verifier missing", func(t *testing.T) {
			code := authorizeCode(t, m, f, s256)
			assertTokenError(t, postToken(t, m, f, exchange(code, nil), false), 400, ErrInvalidGrant)
		})
		t.Run(string(f)+"/PKCE verifier without challenge (downgrade)", func(t *testing.T) {
			code := authorizeCode(t, m, f, nil)
			assertTokenError(t, postToken(t, m, f, exchange(code, url.Values{"code_verifier": {verifier}}), false), 400, ErrInvalidGrant)
		})
		t.Run(string(f)+"/unsupported grant type", func(t *testing.T) {
			assertTokenError(t, postToken(t, m, f, url.Values{"grant_type": {"password"}}, false), 400, ErrUnsupportedGrantType)
		})
		t.Run(string(f)+"/code of the other flavour", func(t *testing.T) {
			other := Cloud
			if f == Cloud {
				other = Server
			}
			code := authorizeCode(t, m, f, nil)
			assertTokenError(t, postToken(t, m, other, exchange(code, nil), false), 400, ErrInvalidGrant)
		})
	}
}

// TestOAuth2CloudTokenJSONBody: Atlassian documents a JSON body for
// /oauth/token.
func TestOAuth2CloudTokenJSONBody(t *testing.T) {
	m := newMock(t, Config{Flavor: Cloud, AutoApprove: "5b10a2844c20165700ede21g"})
	code := authorizeCode(t, m, Cloud, nil)
	c := m.OAuth2Client()
	body, _ := json.Marshal(map[string]string{"grant_type": "authorization_code", "client_id": c.ID, "client_secret": c.Secret, "code": code, "redirect_uri": c.RedirectURI})
	resp, err := http.Post(m.URL()+PathCloudToken, "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&tok)
	if resp.StatusCode != 200 || tok["access_token"] == nil || tok["expires_in"] != float64(3600) {
		t.Fatalf("JSON body: %d %v", resp.StatusCode, tok)
	}
}

func TestOAuth2AuthorizeErrors(t *testing.T) {
	m := newMock(t, Config{})
	for _, tc := range []struct {
		name  string
		f     Flavor
		extra url.Values
		code  string
		page  bool // shown on a page, not redirected
	}{
		{"unknown client", Server, url.Values{"client_id": {"nobody"}}, ErrInvalidClient, true},
		{"redirect_uri mismatch", Server, url.Values{"redirect_uri": {"https://evil.example/cb"}}, ErrInvalidRequest, true},
		{"Cloud without audience", Cloud, url.Values{"audience": {""}}, ErrInvalidRequest, true},
		{"Cloud without prompt=consent", Cloud, url.Values{"prompt": {""}}, ErrInvalidRequest, true},
		{"response_type token", Server, url.Values{"response_type": {"token"}}, ErrUnsupportedResponseType, false},
		{"no scope", Server, url.Values{"scope": {""}}, ErrInvalidScope, false},
		{"Cloud scope on Data Center", Server, url.Values{"scope": {"read:me"}}, ErrInvalidScope, false},
		{"PKCE method S512", Server, url.Values{"code_challenge": {strings.Repeat("a", 43)}, "code_challenge_method": {"S512"}}, ErrInvalidRequest, false},
		{"PKCE challenge too short", Server, url.Values{"code_challenge": {"short"}}, ErrInvalidRequest, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := authorizeRaw(t, m, tc.f, tc.extra)
			if tc.page {
				if r.status != 400 || r.header.Get("Location") != "" || !strings.Contains(r.body, tc.code) {
					t.Fatalf("got %d Location %q body %q: want a 400 page naming %s, no redirect", r.status, r.header.Get("Location"), r.body, tc.code)
				}
				return
			}
			loc, _ := url.Parse(r.header.Get("Location"))
			if r.status != 302 || loc == nil || loc.Query().Get("error") != tc.code || loc.Query().Get("state") != "st" {
				t.Fatalf("got %d Location %q: want a redirect with error=%s and the state", r.status, r.header.Get("Location"), tc.code)
			}
		})
	}
}

// TestOAuth2ConsentDeny: Deny on the consent page sends access_denied back.
func TestOAuth2ConsentDeny(t *testing.T) {
	m := newMock(t, Config{})
	r := authorizeRaw(t, m, Server, nil)
	req, tok := consentRequestRe.FindStringSubmatch(r.body), atlTokenRe.FindStringSubmatch(r.body)
	if r.status != 200 || req == nil || tok == nil {
		t.Fatalf("consent page: %d %s", r.status, r.body)
	}
	post := func(form url.Values) reply {
		resp, err := noRedirect.PostForm(m.URL()+PathDCAuthorize, form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		return reply{status: resp.StatusCode, header: resp.Header}
	}
	if got := post(url.Values{"request": {req[1]}, "atl_token": {"forged"}, "deny": {"Deny"}}); got.status != 403 {
		t.Fatalf("forged atl_token: %d, want 403", got.status)
	}
	got := post(url.Values{"request": {req[1]}, "atl_token": {tok[1]}, "deny": {"Deny"}})
	if _, err := CodeFromRedirect(got.header.Get("Location"), "st"); err == nil || !strings.Contains(err.Error(), ErrAccessDenied) {
		t.Fatalf("deny: %d %q: want access_denied", got.status, got.header.Get("Location"))
	}
	if got := post(url.Values{"request": {req[1]}, "atl_token": {tok[1]}, "approve": {"Allow"}, "user": {"fred"}}); got.status != 400 {
		t.Errorf("a consent request answered twice: %d, want 400", got.status)
	}
}

// assertBearerError checks RFC 6750 §3: status and WWW-Authenticate Bearer
// with the error code.
func assertBearerError(t *testing.T, r reply, status int, code string) {
	t.Helper()
	h := r.header.Get("WWW-Authenticate")
	if r.status != status || !strings.HasPrefix(h, `Bearer realm="`) || !strings.Contains(h, `error="`+code+`"`) {
		t.Fatalf("got %d WWW-Authenticate %q (body %s), want %d Bearer error=%q", r.status, h, r.body, status, code)
	}
}

func TestOAuth2BearerErrors(t *testing.T) {
	m := newMock(t, Config{})
	call := func(path, token string) reply {
		h := http.Header{}
		if token != "-" {
			h.Set("Authorization", "Bearer "+token)
		}
		return do(t, http.DefaultClient, "GET", m.URL()+path, h)
	}
	mint := func(g OAuth2Grant) string {
		tok, err := m.MintOAuth2Token(g)
		if err != nil {
			t.Fatal(err)
		}
		return tok.AccessToken
	}
	t.Run("no token on the gateway", func(t *testing.T) {
		r := call(PathCloudMe, "-")
		if r.status != 401 || r.header.Get("WWW-Authenticate") != `Bearer realm="`+m.URL()+`"` {
			t.Fatalf("got %d %q: want 401 and a bare Bearer challenge (RFC 6750 §3.1)", r.status, r.header.Get("WWW-Authenticate"))
		}
	})
	t.Run("unknown token", func(t *testing.T) {
		assertBearerError(t, call("/rest/api/2/myself", "nope"), 401, ErrInvalidToken)
		assertBearerError(t, call(PathCloudMe, "nope"), 401, ErrInvalidToken)
	})
	t.Run("expired token", func(t *testing.T) {
		assertBearerError(t, call("/rest/api/2/myself", mint(OAuth2Grant{ExpiresIn: -time.Second})), 401, ErrInvalidToken)
		assertBearerError(t, call(PathCloudMe, mint(OAuth2Grant{Flavor: Cloud, ExpiresIn: -time.Second})), 401, ErrInvalidToken)
	})
	t.Run("under-scoped on Data Center", func(t *testing.T) {
		// No Data Center scope lacks READ; an empty grant does.
		r := call("/rest/api/2/myself", mint(OAuth2Grant{Scopes: []string{}}))
		assertBearerError(t, r, 403, ErrInsufficientScope)
		if !strings.Contains(r.header.Get("WWW-Authenticate"), `scope="READ"`) {
			t.Errorf("WWW-Authenticate %q lacks scope=\"READ\"", r.header.Get("WWW-Authenticate"))
		}
		if r := call("/rest/api/2/myself", mint(OAuth2Grant{Scopes: []string{"ADMIN"}})); r.status != 200 {
			t.Errorf("ADMIN covers READ: %d %s", r.status, r.body)
		}
	})
	t.Run("under-scoped on Cloud", func(t *testing.T) {
		r := call(PathCloudMe, mint(OAuth2Grant{Flavor: Cloud, Scopes: []string{"read:jira-user"}}))
		assertBearerError(t, r, 401, ErrInsufficientScope)
		if !strings.Contains(r.body, "Unauthorized; scope does not match") {
			t.Errorf("body %s: want Atlassian's scope message", r.body)
		}
		r = call("/ex/jira/"+CloudID+"/rest/api/3/myself", mint(OAuth2Grant{Flavor: Cloud, Scopes: []string{"read:me"}}))
		assertBearerError(t, r, 401, ErrInsufficientScope)
	})
	t.Run("refresh token used as access token", func(t *testing.T) {
		tok, _ := m.MintOAuth2Token(OAuth2Grant{})
		assertBearerError(t, call("/rest/api/2/myself", tok.RefreshToken), 401, ErrInvalidToken)
	})
}

// TestOAuth2Faults: each case's token world carries its own faults, per
// endpoint, as for OAuth 1.0a.
func TestOAuth2Faults(t *testing.T) {
	m := newMock(t, Config{})
	body := "<html>proxy</html>"
	for _, tc := range []struct {
		f    Flavor
		ep   Endpoint
		path string
	}{
		{Server, EndpointMyself, "/rest/api/2/myself"},
		{Cloud, EndpointMe, PathCloudMe},
		{Cloud, EndpointResources, PathCloudResources},
		{Cloud, EndpointMyself, "/ex/jira/" + CloudID + "/rest/api/3/myself"},
	} {
		tok, err := m.MintOAuth2Token(OAuth2Grant{Flavor: tc.f, Faults: Faults{tc.ep: {Status: 502, Body: &body}}})
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := m.MintOAuth2Token(OAuth2Grant{Flavor: tc.f})
		h := http.Header{"Authorization": {"Bearer " + tok.AccessToken}}
		if r := do(t, http.DefaultClient, "GET", m.URL()+tc.path, h); r.status != 502 || r.body != body {
			t.Errorf("%s with a fault: %d %q", tc.path, r.status, r.body)
		}
		h.Set("Authorization", "Bearer "+plain.AccessToken)
		if r := do(t, http.DefaultClient, "GET", m.URL()+tc.path, h); r.status != 200 {
			t.Errorf("%s without: %d %s", tc.path, r.status, r.body)
		}
	}
	if _, err := m.MintOAuth2Token(OAuth2Grant{Scopes: []string{"read:me"}}); err == nil {
		t.Error("a Cloud scope on a Data Center grant was accepted")
	}
}
