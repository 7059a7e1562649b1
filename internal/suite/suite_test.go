package suite

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	bridge "github.com/jira-auth0-bridge/bridge"
	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/keys"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/report"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

func shipped(t testing.TB) *script.Program {
	t.Helper()
	p, err := script.Compile(bridge.ShippedScriptName, bridge.ShippedScript)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func defaultCases(t testing.TB) []*cases.Case {
	t.Helper()
	cs, err := cases.Default()
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// parse makes a case from its file text.
func parse(t testing.TB, name, text string) *cases.Case {
	t.Helper()
	c, err := cases.Parse(name, name+".json", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func run(t testing.TB, opts Options) *Report {
	t.Helper()
	rep, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestDefaultSuitePasses: the shipped scripts pass their own suite, each
// case run by the script of its protocol and flavour, and every case carries
// its result, the mock's log and its findings.
func TestDefaultSuitePasses(t *testing.T) {
	cs := defaultCases(t)
	progs, err := ShippedPrograms()
	if err != nil {
		t.Fatal(err)
	}
	rep := run(t, Options{Program: shipped(t), Programs: progs, Cases: cs})
	for _, c := range rep.Cases {
		if c.Status != report.Pass {
			var b bytes.Buffer
			_ = report.WriteText(&b, &report.Report{Cases: []*report.Case{c}}, report.TextOptions{})
			t.Errorf("case %s failed:\n%s", c.Name, b.String())
		}
	}
	if !rep.Passed() || rep.Summary.Total != len(cs) || rep.Summary.Passed != len(cs) {
		t.Errorf("summary = %+v", rep.Summary)
	}
	for i, c := range rep.Cases {
		if c.Name != cs[i].Name {
			t.Errorf("case %d is %s; want %s (case order)", i, c.Name, cs[i].Name)
		}
		if c.Result == nil || len(c.Mock) == 0 || len(c.Mock) != len(c.Result.Requests) {
			t.Errorf("case %s: result %v, %d mock entries for %d requests", c.Name, c.Result != nil, len(c.Mock), len(c.Result.Requests))
		}
	}
}

// normalized is a report's JSON without what varies from run to run:
// durations, the mock's port, tokens and times.
const fred = `{"name":"fred","key":"fred","displayName":"Fred F. User","emailAddress":"fred@example.com","active":true}`

func TestVerdicts(t *testing.T) {
	cs := []*cases.Case{
		parse(t, "match", `{"user":`+fred+`,"expect":{"profile":{"user_id":"fred","username":"fred","email":"fred@example.com","name":"Fred F. User","active":true}}}`),
		parse(t, "differs", `{"user":`+fred+`,"expect":{"profile":{"user_id":"fred","username":"fred","email":"fred@example.org","name":"Fred F. User","active":"true","picture":"https://x.example/p"}}}`),
		parse(t, "wanted-error", `{"user":`+fred+`,"expect":{"error":{"kind":"callback"}}}`),
		parse(t, "wanted-profile", `{"user":`+fred+`,"faults":{"session":{"status":500}},"expect":{"profile":{"user_id":"fred"}}}`),
		parse(t, "wrong-kind", `{"user":`+fred+`,"faults":{"session":{"status":500}},"expect":{"error":{"kind":"exception"}}}`),
		parse(t, "wrong-message", `{"user":`+fred+`,"faults":{"session":{"status":500}},"expect":{"error":{"kind":"callback","message":"HTTP 404"}}}`),
		parse(t, "right-error", `{"user":`+fred+`,"faults":{"session":{"status":500}},"expect":{"error":{"kind":"callback","message":"session failed: HTTP 500"}}}`),
	}
	rep := run(t, Options{Program: shipped(t), Cases: cs, Parallel: 3})
	want := map[string]struct {
		status  report.Status
		failure string
	}{
		"match":          {report.Pass, ""},
		"differs":        {report.Fail, "the profile differs from the expected one in 3 field(s)"},
		"wanted-error":   {report.Fail, "expected error callback, but the script returned a profile"},
		"wanted-profile": {report.Fail, "expected a profile, but the script ended with callback: "},
		"wrong-kind":     {report.Fail, "expected error exception, but the script ended with callback: "},
		"wrong-message":  {report.Fail, "does not match /HTTP 404/"},
		"right-error":    {report.Pass, ""},
	}
	for _, c := range rep.Cases {
		w := want[c.Name]
		got := strings.Join(c.Failures, "; ")
		if c.Status != w.status || (w.failure == "") != (got == "") || !strings.Contains(got, w.failure) {
			t.Errorf("case %s: %s %q; want %s %q", c.Name, c.Status, got, w.status, w.failure)
		}
	}
	diff := rep.Cases[1].Diff
	var kinds []string
	for _, d := range diff {
		kinds = append(kinds, d.Path+":"+string(d.Kind))
	}
	if got := strings.Join(kinds, " "); got != "email:changed active:type_changed picture:missing" {
		t.Errorf("diff = %s", got)
	}
	if rep.Summary.Passed != 2 || rep.Summary.Failed != 5 || rep.Passed() {
		t.Errorf("summary = %+v", rep.Summary)
	}
}

// TestFindings: profile errors fail a case; warnings only in strict mode.
func TestFindings(t *testing.T) {
	// A script whose profile breaks Auth0's rules, whatever JIRA says.
	src := `function(token, tokenSecret, ctx, cb) { cb(null, %s); }`
	tests := []struct {
		name, profile string
		strict        bool
		want          report.Status
	}{
		{"clean", `{user_id: "u", email: "u@example.com"}`, true, report.Pass},
		{"warning", `{user_id: "u"}`, false, report.Pass},
		{"warning strict", `{user_id: "u"}`, true, report.Fail},
		{"error", `{user_id: "u", email: "u@example.com", "a.b": 1}`, false, report.Fail},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prog, err := script.Compile("inline.js", strings.Replace(src, "%s", tc.profile, 1))
			if err != nil {
				t.Fatal(err)
			}
			c := parse(t, "c", `{"user":`+fred+`,"expect":{"error":{"kind":"callback"}}}`)
			c.Expect = expectProfile(t, tc.profile)
			rep := run(t, Options{Program: prog, Cases: []*cases.Case{c}, Strict: tc.strict})
			got := rep.Cases[0]
			if got.Status != tc.want {
				t.Errorf("status %s (failures %v, findings %v); want %s", got.Status, got.Failures, got.Findings, tc.want)
			}
			if tc.name != "clean" && len(got.Findings) == 0 {
				t.Errorf("no findings")
			}
		})
	}
}

// expectProfile turns a JS object literal of plain keys into the
// expected profile JSON.
func expectProfile(t *testing.T, js string) cases.Expect {
	t.Helper()
	s := regexp.MustCompile(`(\w+):`).ReplaceAllString(js, `"$1":`)
	var v map[string]any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	raw, _ := json.Marshal(v)
	return cases.Expect{Profile: raw}
}

// TestMockLogExplainsSignatureFailure: a request JIRA would refuse shows in
// the case's mock log with the oauth_problem. node-oauth signs a repeated
// query key as key[0], key[1] (docs/node-oauth.md), which JIRA refuses.
func TestMockLogExplainsSignatureFailure(t *testing.T) {
	src := `function(token, tokenSecret, ctx, cb) {
  var OAuth = new require('oauth').OAuth;
  var oauth = new OAuth(ctx.requestTokenURL, ctx.accessTokenURL, ctx.client_id, ctx.client_secret, '1.0', null, 'RSA-SHA1');
  oauth._performSecureRequest(token, tokenSecret, 'GET', 'JIRA_URL/rest/auth/1/session?a=2&a=1', null, '', 'application/json', function(err) {
    if (err) return cb(new Error('HTTP ' + err.statusCode));
    cb(null, {user_id: 'x'});
  });
}`
	prog, err := script.Compile("repeated.js", src)
	if err != nil {
		t.Fatal(err)
	}
	c := parse(t, "c", `{"user":`+fred+`,"expect":{"error":{"kind":"callback","message":"HTTP 401"}}}`)
	rep := run(t, Options{Program: prog, Cases: []*cases.Case{c}})
	got := rep.Cases[0]
	if got.Status != report.Pass || len(got.Mock) != 1 || got.Mock[0].Verdict != "signature_invalid" || got.Mock[0].Status != 401 {
		t.Fatalf("case = %s %v, mock log %+v", got.Status, got.Failures, got.Mock)
	}
}

// TestOwnConsumer: with the user's own key pair and consumer key, the mock
// trusts that consumer; the script signs with the key given as PEM or as a
// parsed key.
func TestOwnConsumer(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	cs := defaultCases(t)[:2]
	for name, opts := range map[string]Options{
		"key":     {ConsumerKey: "my-consumer", PrivateKey: key},
		"pem":     {ConsumerKey: "my-consumer", PrivateKeyPEM: string(keys.EncodePKCS8(key))},
		"default": {},
	} {
		opts.Program, opts.Cases = shipped(t), cs
		rep := run(t, opts)
		if !rep.Passed() {
			t.Errorf("%s: %+v %v", name, rep.Summary, rep.Cases[0].Failures)
		}
		for _, e := range rep.Cases[0].Mock {
			want := opts.ConsumerKey
			if want == "" {
				want = bridge.DefaultConsumerKey
			}
			if e.Consumer != want {
				t.Errorf("%s: mock saw consumer %q; want %q", name, e.Consumer, want)
			}
		}
	}
	if _, err := Run(context.Background(), Options{Program: shipped(t), Cases: cs, PrivateKeyPEM: "not a key"}); err == nil {
		t.Error("a bad PEM: no error")
	}
}

// TestSyntaxError: a script that does not compile fails every case with the
// syntax outcome, except a case that expects exactly that.
func TestSyntaxError(t *testing.T) {
	src := "function(token, tokenSecret, ctx, cb) {\n  cb(null, {user_id: 'x'}\n}"
	_, err := script.Compile("broken.js", src)
	serr, ok := err.(*script.SyntaxError)
	if !ok {
		t.Fatalf("Compile error = %v (%T)", err, err)
	}
	cs := []*cases.Case{
		parse(t, "profile", `{"user":`+fred+`,"expect":{"profile":{"user_id":"x"}}}`),
		parse(t, "syntax", `{"user":`+fred+`,"expect":{"error":{"kind":"syntax","message":"^broken\\.js:3:"}}}`),
	}
	rep := run(t, Options{SyntaxError: serr, ScriptName: "broken.js", ScriptSource: src, Cases: cs})
	if rep.Cases[0].Status != report.Fail || rep.Cases[1].Status != report.Pass || rep.Script != "broken.js" {
		t.Errorf("cases = %s %v / %s %v", rep.Cases[0].Status, rep.Cases[0].Failures, rep.Cases[1].Status, rep.Cases[1].Failures)
	}
}

func TestScriptSize(t *testing.T) {
	src := "function(token, tokenSecret, ctx, cb) {\n  // " + strings.Repeat("x", profile.MaxScriptChars) + "\n  cb(null, {user_id: 'x', email: 'x@example.com'});\n}"
	prog, err := script.Compile("big.js", src)
	if err != nil {
		t.Fatal(err)
	}
	c := parse(t, "c", `{"user":`+fred+`,"expect":{"profile":{"user_id":"x","email":"x@example.com"}}}`)
	rep := run(t, Options{Program: prog, Cases: []*cases.Case{c}})
	if rep.Summary.Passed != 1 || rep.Passed() || len(rep.ScriptFindings) != 1 {
		t.Errorf("summary %+v, Passed %v, script findings %v", rep.Summary, rep.Passed(), rep.ScriptFindings)
	}
}

func TestNoProgram(t *testing.T) {
	if _, err := Run(context.Background(), Options{}); err == nil {
		t.Error("Run without a program: no error")
	}
}
