package jiramock

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/dghubble/oauth1"
)

// A JIRA below a context path (https://example.com/jira): the whole dance and
// REST work under it, JIRA's self links carry it, the signed URL includes it,
// and nothing answers outside it. A client that drops the path (say, a script
// building URLs from the origin) fails as it would on such a JIRA.
func TestContextPath(t *testing.T) {
	m := newMock(t, Config{ContextPath: "/jira"})
	if !strings.HasSuffix(m.URL(), "/jira") {
		t.Fatalf("URL() = %q, want it to end with /jira", m.URL())
	}
	tok, sec, err := Dance(context.Background(), m.URL(), "auth0-jira", testKey(t), "fred")
	if err != nil {
		t.Fatal(err)
	}
	c := oauthClient(t, &oauth1.Config{}, tok, sec)
	r := get(t, c, m.URL()+pathSession)
	if r.status != 200 {
		t.Fatalf("session under /jira: %d %s", r.status, r.body)
	}
	var s struct{ Self string }
	if err := json.Unmarshal([]byte(r.body), &s); err != nil || s.Self != m.URL()+"/rest/api/latest/user?username=fred" {
		t.Errorf("self %q, want it below %s", s.Self, m.URL())
	}
	origin := strings.TrimSuffix(m.URL(), "/jira")
	for _, path := range []string{pathSession, "/jira2" + pathSession, pathRequestToken} {
		if r := get(t, c, origin+path); r.status != http.StatusNotFound {
			t.Errorf("%s outside the context path: %d, want 404", path, r.status)
		}
	}
	// A problem's realm is JIRA's base URL, context path included.
	// The signature is right but the client signed the URL without /jira.
	bad := oauthClient(t, &oauth1.Config{}, tok, sec)
	bad.Transport = dropPrefixSigner{bad.Transport.(*oauth1.Transport), "/jira"}
	r = get(t, bad, m.URL()+pathSession)
	f := assertProblem(t, r, 401, ProblemSignatureInvalid)
	if !strings.Contains(f.Get("oauth_signature_base_string"), "GET&"+percentEncode(m.URL()+pathSession)+"&") {
		t.Errorf("base string %q does not sign the path with /jira", f.Get("oauth_signature_base_string"))
	}
	if !strings.Contains(r.header.Get("WWW-Authenticate"), `realm="`+percentEncode(m.URL())+`"`) {
		t.Errorf("WWW-Authenticate %q, want the realm %s", r.header.Get("WWW-Authenticate"), m.URL())
	}
}

func TestContextPathChecked(t *testing.T) {
	for _, cp := range []string{"jira", "/jira/", "/", "/a?b", "//x"} {
		if _, err := New(Config{ContextPath: cp}); err == nil {
			t.Errorf("context path %q accepted", cp)
		}
	}
}

// dropPrefixSigner has the request signed for the URL without prefix (by
// dghubble/oauth1's transport next), then sends it to the URL with it.
type dropPrefixSigner struct {
	next   *oauth1.Transport
	prefix string
}

func (d dropPrefixSigner) RoundTrip(r *http.Request) (*http.Response, error) {
	signed := r.Clone(r.Context())
	signed.URL.Path = strings.TrimPrefix(r.URL.Path, d.prefix)
	c := &capture{}
	t := *d.next
	t.Base = c
	_, _ = t.RoundTrip(signed)
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", c.req.Header.Get("Authorization"))
	return http.DefaultTransport.RoundTrip(r)
}
