package jiramock

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dghubble/oauth1"
)

func strp(s string) *string { return &s }

func TestFaults(t *testing.T) {
	m := newMock(t, Config{Faults: Faults{EndpointMyself: {Status: 503}}})
	noRedirect := func(c *http.Client) *http.Client {
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		return c
	}
	for _, tc := range []struct {
		name     string
		faults   Faults
		path     string
		status   int
		body     string // "" = do not check
		ctype    string
		location string
		detail   string
	}{
		{name: "server faults apply to dance tokens and grants without faults", path: "/rest/api/2/myself", status: 503},
		{name: "grant faults replace the server's", faults: Faults{}, path: "/rest/api/2/myself", status: 200},
		{name: "status only keeps the body", faults: Faults{EndpointSession: {Status: 500}}, path: "/rest/auth/1/session", status: 500, body: `"name":"fred"`},
		{name: "204 has no body", faults: Faults{EndpointSession: {Status: 204}}, path: "/rest/auth/1/session", status: 204, body: "-"},
		{name: "raw HTML body", faults: Faults{EndpointUser: {Status: 502, Body: strp("<html>Bad Gateway</html>"), ContentType: "text/html"}},
			path: "/rest/api/2/user?username=fred", status: 502, body: "<html>Bad Gateway</html>", ctype: "text/html", detail: "fault: status 502, body 24 bytes, content type text/html"},
		{name: "truncated JSON", faults: Faults{EndpointMyself: {Body: strp(`{"name":"fr`)}}, path: "/rest/api/2/myself", status: 200, body: `{"name":"fr`, ctype: "application/json;charset=UTF-8"},
		{name: "redirect to a path", faults: Faults{EndpointSession: {Redirect: "/rest/api/2/myself"}}, path: "/rest/auth/1/session", status: 302, location: m.URL() + "/rest/api/2/myself"},
		{name: "redirect with status", faults: Faults{EndpointSession: {Redirect: "https://elsewhere.example/x", Status: 307}}, path: "/rest/auth/1/session", status: 307, location: "https://elsewhere.example/x"},
		{name: "delay", faults: Faults{EndpointSession: {Delay: Duration{20 * time.Millisecond}}}, path: "/rest/auth/1/session", status: 200, detail: "fault: delay 20ms"},
		{name: "other endpoints unaffected", faults: Faults{EndpointSession: {Status: 500}}, path: "/rest/api/2/myself", status: 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tok, sec, err := m.MintAccessToken(Grant{ConsumerKey: "auth0-jira", User: "fred", Faults: tc.faults})
			if err != nil {
				t.Fatal(err)
			}
			r := get(t, noRedirect(oauthClient(t, &oauth1.Config{}, tok, sec)), m.URL()+tc.path)
			if r.status != tc.status {
				t.Errorf("status %d, want %d", r.status, tc.status)
			}
			switch tc.body {
			case "":
			case "-":
				if r.body != "" {
					t.Errorf("body %q, want none", r.body)
				}
			default:
				if !strings.Contains(r.body, tc.body) {
					t.Errorf("body %q lacks %q", r.body, tc.body)
				}
			}
			if tc.ctype != "" && r.header.Get("Content-Type") != tc.ctype {
				t.Errorf("Content-Type %q, want %q", r.header.Get("Content-Type"), tc.ctype)
			}
			if r.header.Get("Location") != tc.location {
				t.Errorf("Location %q, want %q", r.header.Get("Location"), tc.location)
			}
			if r.header.Get("X-AUSERNAME") != "fred" {
				t.Errorf("X-AUSERNAME %q: a fault keeps JIRA's headers", r.header.Get("X-AUSERNAME"))
			}
			log := m.RequestsFor(tok)
			if len(log) != 1 || log[0].Status != tc.status || (tc.detail != "" && log[0].Detail != tc.detail) {
				t.Errorf("log %+v", log)
			}
		})
	}
}

func TestFaultDrop(t *testing.T) {
	m := newMock(t, Config{})
	tok, sec, _ := m.MintAccessToken(Grant{ConsumerKey: "auth0-jira", Faults: Faults{EndpointSession: {Drop: true}}})
	_, err := oauthClient(t, &oauth1.Config{}, tok, sec).Get(m.URL() + "/rest/auth/1/session")
	if err == nil {
		t.Fatal("a dropped connection gave an answer")
	}
	// The client sees the close before the mock logs it.
	if log := waitLog(t, m, tok); len(log) != 1 || log[0].Status != 0 || log[0].Detail != "fault: drop" || log[0].Verdict != VerdictOK {
		t.Errorf("log %+v", log)
	}
}

// A delayed answer stops waiting when the client goes away.
func TestFaultDelayStopsWithClient(t *testing.T) {
	m := newMock(t, Config{})
	tok, sec, _ := m.MintAccessToken(Grant{ConsumerKey: "auth0-jira", Faults: Faults{EndpointSession: {Delay: Duration{time.Hour}}}})
	// The client gives up after 300ms, long after its request reached the mock.
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", m.URL()+"/rest/auth/1/session", nil)
	if _, err := oauthClient(t, &oauth1.Config{}, tok, sec).Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v", err)
	}
	if log := waitLog(t, m, tok); len(log) != 1 || log[0].Status != 0 || !strings.Contains(log[0].Detail, "client went away") {
		t.Errorf("log %+v", log)
	}
}

func TestFaultsJSON(t *testing.T) {
	var fs Faults
	err := json.Unmarshal([]byte(`{"session":{"status":500,"body":"<html>","contentType":"text/html","delay":"1.5s"},"myself":{"redirect":"/x","status":301},"user":{"drop":true}}`), &fs)
	if err != nil {
		t.Fatal(err)
	}
	if fs[EndpointSession].Delay.Duration != 1500*time.Millisecond || *fs[EndpointSession].Body != "<html>" || fs[EndpointMyself].Status != 301 || !fs[EndpointUser].Drop {
		t.Errorf("%+v", fs)
	}
	b, _ := json.Marshal(fs[EndpointSession])
	if want := `{"status":500,"body":"\u003chtml\u003e","contentType":"text/html","delay":"1.5s"}`; string(b) != want {
		t.Errorf("marshal %s, want %s", b, want)
	}
	for _, tc := range []struct{ in, want string }{
		{`{"sesion":{}}`, `unknown fault endpoint "sesion": use session, user or myself`},
		{`{"session":{"stauts":500}}`, `fault "session": json: unknown field "stauts"`},
		{`{"session":{"delay":2}}`, `a duration is a string like "200ms"`},
		{`{"session":{"delay":"2 sec"}}`, `bad duration "2 sec"`},
		{`{"session":{"status":99}}`, `status 99 is not an HTTP status`},
		{`{"session":{"redirect":"/x","status":200}}`, `use 301, 302, 303 or 307`},
		{`[]`, `faults must be an object`},
	} {
		var fs Faults
		if err := json.Unmarshal([]byte(tc.in), &fs); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.in, err, tc.want)
		}
	}
}

// waitLog waits until the mock has logged a request for tok: a client can see
// a dropped or abandoned answer before the handler returns.
func waitLog(t *testing.T, m *Mock, tok string) []LogEntry {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		if log := m.RequestsFor(tok); len(log) > 0 {
			return log
		}
	}
	return nil
}
