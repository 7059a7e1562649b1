package jiramock

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dghubble/oauth1"
)

// TestDanceThenREST: a dghubble/oauth1 client does the whole 3-legged dance
// against the mock, then reads the session and the user, in both flavors.
func TestDanceThenREST(t *testing.T) {
	for _, tc := range []struct {
		name        string
		cfg         Config
		user        string
		userPath    string
		header, who string
	}{
		{"server", Config{Flavor: Server}, "jdoe", "/rest/api/2/user?username=jdoe&expand=groups", "X-AUSERNAME", "jdoe"},
		{"server, first user", Config{}, "", "/rest/api/2/user?key=fred", "X-AUSERNAME", "fred"},
		{"cloud", Config{Flavor: Cloud}, "5b10a2844c20165700ede21g", "/rest/api/2/user?accountId=5b10a2844c20165700ede21g&expand=groups", "X-AACCOUNTID", "5b10a2844c20165700ede21g"},
		{"cloud, user with a colon", Config{Flavor: Cloud}, "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077", "/rest/api/2/myself", "X-AACCOUNTID", "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"},
		{"cloud, auto-approve", Config{Flavor: Cloud, AutoApprove: "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"}, "ignored",
			"/rest/api/2/myself", "X-AACCOUNTID", "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMock(t, tc.cfg)
			tok, sec, err := Dance(context.Background(), m.URL()+"/", "auth0-jira", testKey(t), tc.user)
			if err != nil {
				t.Fatal(err)
			}
			if len(tok) != 32 || len(sec) != 32 {
				t.Errorf("token %q secret %q: JIRA's are 32 alnum", tok, sec)
			}
			c := oauthClient(t, &oauth1.Config{}, tok, sec)
			r := get(t, c, m.URL()+"/rest/auth/1/session")
			if r.status != 200 || r.header.Get(tc.header) != tc.who {
				t.Fatalf("session: %d %s=%q %s", r.status, tc.header, r.header.Get(tc.header), r.body)
			}
			var sess struct {
				Self, Name string
				LoginInfo  map[string]any
			}
			if err := json.Unmarshal([]byte(r.body), &sess); err != nil || sess.LoginInfo == nil || !strings.HasSuffix(sess.Self, tc.who) {
				t.Errorf("session %s: %v", r.body, err)
			}
			if (tc.cfg.Flavor == Cloud) != (sess.Name == "") {
				t.Errorf("session name %q in flavor %q", sess.Name, tc.cfg.Flavor)
			}
			r = get(t, c, m.URL()+tc.userPath)
			if r.status != 200 || !strings.Contains(r.body, tc.who) {
				t.Errorf("user: %d %s", r.status, r.body)
			}
			var verdicts []string
			for _, e := range m.Requests() {
				verdicts = append(verdicts, e.Method+" "+strings.SplitN(e.Path, "?", 2)[0]+" "+e.Verdict)
			}
			want := []string{"POST /plugins/servlet/oauth/request-token ok", "GET /plugins/servlet/oauth/authorize anonymous"}
			if tc.cfg.AutoApprove == "" {
				want = append(want, "POST /plugins/servlet/oauth/authorize anonymous")
			}
			want = append(want, "POST /plugins/servlet/oauth/access-token ok", "GET /rest/auth/1/session ok", "GET "+strings.SplitN(tc.userPath, "?", 2)[0]+" ok")
			if strings.Join(verdicts, "\n") != strings.Join(want, "\n") {
				t.Errorf("log:\n%s\nwant\n%s", strings.Join(verdicts, "\n"), strings.Join(want, "\n"))
			}
			if n := len(m.RequestsFor(tok)); n != 3 { // access-token reply, session, user
				t.Errorf("%d requests for the access token, want 3", n)
			}
		})
	}
}

func TestDanceErrors(t *testing.T) {
	m := newMock(t, Config{})
	for _, tc := range []struct {
		name, key, user, want string
	}{
		{"unknown consumer", "nobody", "fred", "consumer_key_unknown"},
		{"unknown user", "auth0-jira", "ghost", `no user "ghost"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Dance(context.Background(), m.URL(), tc.key, testKey(t), tc.user)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %v, want %q", err, tc.want)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Dance(ctx, m.URL(), "auth0-jira", testKey(t), "fred"); err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("canceled dance: %v", err)
	}
}
