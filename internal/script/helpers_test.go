package script

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	bridge "github.com/jira-auth0-bridge/bridge"
)

// fakeJIRA is a tiny JIRA for tests that do not need the signature checked:
// each path answers what the map says.
type fakeAnswer struct {
	status int
	body   string
	ctype  string
}

func fakeJIRA(t testing.TB, answers map[string]fakeAnswer) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		a, ok := answers[req.URL.Path]
		if !ok {
			http.Error(w, `{"errorMessages":["not found"]}`, 404)
			return
		}
		if a.ctype == "" {
			a.ctype = "application/json;charset=UTF-8"
		}
		w.Header().Set("Content-Type", a.ctype)
		if a.status == 0 {
			a.status = 200
		}
		w.WriteHeader(a.status)
		_, _ = w.Write([]byte(a.body))
	}))
	t.Cleanup(srv.Close)
	return srv
}

const fredUser = `{"self":"http://jira/rest/api/2/user?username=fred","key":"JIRAUSER10100","name":"fred","emailAddress":"fred@example.com","avatarUrls":{"48x48":"http://jira/a48.png"},"displayName":"Fred F. User","active":true,"timeZone":"Australia/Sydney","locale":"en_AU","groups":{"size":1,"items":[{"name":"jira-users"}]}}`

func serverAnswers() map[string]fakeAnswer {
	return map[string]fakeAnswer{
		"/rest/auth/1/session": {body: `{"self":"http://jira/rest/api/latest/user?username=fred","name":"fred","loginInfo":{}}`},
		"/rest/api/2/user":     {body: fredUser},
	}
}

// compileJS compiles an inline test script.
func compileJS(t testing.TB, src string) *Program {
	t.Helper()
	p, err := Compile("test.js", src)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return p
}

func shipped(t testing.TB, jiraURL string) *Program {
	t.Helper()
	p, err := Compile(bridge.ShippedScriptName, bridge.RenderScript(bridge.ShippedScript, jiraURL))
	if err != nil {
		t.Fatalf("compile shipped script: %v", err)
	}
	return p
}

func runOpts(jiraURL string) Options {
	return Options{
		Token: "tok", TokenSecret: "token-secret-value",
		Ctx:     ContextFor(jiraURL, bridge.DefaultConsumerKey, string(bridge.TestPrivateKeyPEM)),
		Timeout: 5 * time.Second,
	}
}

func run(t testing.TB, p *Program, opts Options) *Result {
	t.Helper()
	res := p.Run(context.Background(), opts)
	if res == nil {
		t.Fatal("Run returned nil")
	}
	return res
}

func consoleText(res *Result) string {
	var b strings.Builder
	for _, l := range res.Console {
		b.WriteString(l.Level + ": " + l.Text + "\n")
	}
	return b.String()
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

func replaceAll(s, old, new string) string { return strings.ReplaceAll(s, old, new) }
