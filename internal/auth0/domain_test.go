package auth0

import "testing"

func TestParseTenant(t *testing.T) {
	cases := []struct {
		in, base, audience, callback, err string
	}{
		{in: "example.eu.auth0.com", base: "https://example.eu.auth0.com", audience: "https://example.eu.auth0.com/api/v2/", callback: "https://example.eu.auth0.com/login/callback"},
		{in: " example.auth0.com/ ", base: "https://example.auth0.com", audience: "https://example.auth0.com/api/v2/"},
		{in: "https://example.auth0.com", base: "https://example.auth0.com", audience: "https://example.auth0.com/api/v2/"},
		{in: "http://127.0.0.1:41234", base: "http://127.0.0.1:41234", audience: "http://127.0.0.1:41234/api/v2/", callback: "http://127.0.0.1:41234/login/callback"},
		{in: "login.example.com:8443", base: "https://login.example.com:8443", audience: "https://login.example.com:8443/api/v2/"},
		{in: "Example.EU.Auth0.com", base: "https://example.eu.auth0.com", audience: "https://example.eu.auth0.com/api/v2/"},
		{in: "HTTPS://example.auth0.com:443", base: "https://example.auth0.com", audience: "https://example.auth0.com/api/v2/"},
		{in: "http://127.0.0.1:80", base: "http://127.0.0.1", audience: "http://127.0.0.1/api/v2/"},
		{in: "", err: "no tenant domain"},
		{in: "ftp://example.com", err: `scheme "ftp"`},
		{in: "https://example.auth0.com/api/v2/", err: "without path"},
		{in: "https://user:pw@example.auth0.com", err: "without path, query or credentials"},
		{in: "example.auth0.com?x=1", err: "without path"},
		{in: "https://", err: "no host"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseTenant(c.in)
			if c.err != "" {
				if err == nil || !contains(err.Error(), c.err) {
					t.Fatalf("ParseTenant(%q) error = %v; want it to say %q", c.in, err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.BaseURL != c.base || got.Audience() != c.audience {
				t.Errorf("ParseTenant(%q) = %q, audience %q; want %q, %q", c.in, got.BaseURL, got.Audience(), c.base, c.audience)
			}
			if c.callback != "" && got.CallbackURL() != c.callback {
				t.Errorf("CallbackURL = %q; want %q", got.CallbackURL(), c.callback)
			}
		})
	}
}
