package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/jira-auth0-bridge/bridge/internal/auth0"
	"github.com/jira-auth0-bridge/bridge/internal/live"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/publish"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

func TestJSONKeepsURLsReadable(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, map[string]string{"url": "https://x/?a=1&b=<2>"}); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"url\": \"https://x/?a=1&b=<2>\"\n}\n"; b.String() != want {
		t.Errorf("JSON = %q; want %q", b.String(), want)
	}
}

// TestRunTextProfile: the console and requests go to stderr, the profile,
// indented in the script's key order, to stdout.
func TestRunTextProfile(t *testing.T) {
	res := &script.Result{
		Outcome:  script.KindProfile,
		Profile:  json.RawMessage(`{"user_id":"fred","email":"f@example.com"}`),
		Console:  []script.ConsoleLine{{Level: "log", Text: "hello\n"}},
		Requests: []script.Request{{Method: "GET", URL: "http://jira/rest/auth/1/session", Status: 200}},
	}
	var stdout, stderr bytes.Buffer
	RunText(&stdout, &stderr, res, nil, nil)
	if want := "{\n  \"user_id\": \"fred\",\n  \"email\": \"f@example.com\"\n}\n"; stdout.String() != want {
		t.Errorf("stdout = %q; want %q", stdout.String(), want)
	}
	if want := "console.log: hello\nrequest: GET http://jira/rest/auth/1/session -> 200\n"; stderr.String() != want {
		t.Errorf("stderr = %q; want %q", stderr.String(), want)
	}
}

// TestRunTextFailure: the failure, the err value, the stack once and the
// source line the stack points at, with its caret.
func TestRunTextFailure(t *testing.T) {
	src := "function (t, s, ctx, cb) {\n  cb(new Error('no'));\n}"
	res := &script.Result{Outcome: script.KindCallback, Error: &script.Error{
		Kind: script.KindCallback, Message: "Error: no", Value: json.RawMessage(`{"name":"Error"}`),
		Stack: "Error: no\n    at my.js:2:6(3)",
	}}
	var stdout, stderr bytes.Buffer
	RunText(&stdout, &stderr, res, []profile.Finding{}, map[string]string{"my.js": src})
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q; want nothing", stdout.String())
	}
	for _, want := range []string{
		"bridge: the script failed: callback: Error: no\n",
		"  err passed to cb: {\"name\":\"Error\"}\n",
		"  at my.js:2:6(3)\n",
		"    2 |   cb(new Error('no'));\n             ^\n",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr = %q; want %q in it", stderr.String(), want)
		}
	}
	if strings.Count(stderr.String(), "Error: no") != 1 {
		t.Errorf("stderr repeats the message: %q", stderr.String())
	}
}

func TestRunJSONFindingsArray(t *testing.T) {
	var b bytes.Buffer
	if err := RunJSON(&b, &script.Result{Outcome: script.KindTimeout}, nil); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if f, ok := doc["findings"].([]any); !ok || len(f) != 0 || doc["outcome"] != "timeout" {
		t.Errorf("doc = %v; want outcome timeout and findings []", doc)
	}
}

func TestPublishText(t *testing.T) {
	tenant, err := auth0.ParseTenant("example.eu.auth0.com")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	PublishText(&b, &publish.Result{Action: publish.Created, Name: "jira", ConnectionID: "con_1", EnabledClientsAdded: []string{"a", "b"}}, tenant)
	want := "created jira (con_1)\nenabled for a, b\ncallback URL for JIRA's Application Link: https://example.eu.auth0.com/login/callback\n"
	if b.String() != want {
		t.Errorf("PublishText = %q; want %q", b.String(), want)
	}
	b.Reset()
	PublishText(&b, &publish.Result{Action: publish.Created, Name: "jira", DryRun: true}, tenant)
	if !strings.HasPrefix(b.String(), "dry run: would create jira\nrequests it would send (HAR):\n") {
		t.Errorf("dry run = %q", b.String())
	}
}

func TestLiveError(t *testing.T) {
	e := &live.Error{Kind: live.KindProblem, Step: live.StepRequestToken, Status: 401, Problem: "consumer_key_unknown", Advice: "check the key\nin JIRA"}
	var b bytes.Buffer
	LiveError(&b, e)
	if want := "bridge: " + e.Error() + "\n  check the key\n  in JIRA\n"; b.String() != want {
		t.Errorf("LiveError = %q; want %q", b.String(), want)
	}
	b.Reset()
	if err := LiveErrorJSON(&b, e, 1); err != nil {
		t.Fatal(err)
	}
	var doc struct{ Error map[string]any }
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil || doc.Error["exit_code"] != float64(1) {
		t.Errorf("LiveErrorJSON = %s (%v); want the error with exit_code 1", b.String(), err)
	}
	// LiveFailure: the JSON on stdout only with asJSON; the advice on w always.
	for _, asJSON := range []bool{false, true} {
		var out, w bytes.Buffer
		if err := LiveFailure(&out, &w, e, 3, asJSON); err != nil {
			t.Fatal(err)
		}
		if (out.Len() > 0) != asJSON || asJSON && !strings.Contains(out.String(), `"exit_code": 3`) || !strings.Contains(w.String(), "  check the key\n") {
			t.Errorf("LiveFailure(asJSON %v): stdout %q, w %q", asJSON, out.String(), w.String())
		}
	}
}

func TestLinkSettingsText(t *testing.T) {
	var b bytes.Buffer
	if err := LinkSettingsText(&b, LinkSettings{ConsumerKey: "k", ConsumerName: "Auth0", PublicKeyFile: "jira.pub", PublicKey: "PEM\n"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Consumer Key:          k\n", "Consumer Callback URL: https://YOUR_TENANT/login/callback\n", "the whole of jira.pub:\n\nPEM\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("settings = %q; want %q in them", b.String(), want)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("closed") }

func TestJSONWriteError(t *testing.T) {
	if err := JSON(failWriter{}, 1); err == nil || err.Error() != "closed" {
		t.Errorf("JSON to a failing writer = %v; want its error", err)
	}
}
