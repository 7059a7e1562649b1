package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/cases"
	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/profile"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

// sample is a report with one passing case (with a warning) and two failing
// ones: a profile that differs, and an exception where an error was expected.
func sample() *Report {
	pass := &Case{
		Name: "server/no-email", File: "cases/server/no-email.json", Flavor: jiramock.Server, Status: Pass,
		Duration: 3200 * time.Microsecond,
		Expect:   cases.Expect{Profile: json.RawMessage(`{"user_id":"fred"}`)},
		Result:   &script.Result{Outcome: script.KindProfile, Profile: json.RawMessage(`{"user_id":"fred"}`), Console: []script.ConsoleLine{}, Requests: []script.Request{}},
		Findings: []profile.Finding{{Field: "email", Severity: profile.SeverityWarning, Rule: profile.RuleEmailMissing, Message: "the profile has no email"}},
		Mock:     []jiramock.LogEntry{},
	}
	diffCase := &Case{
		Name: "server/full", File: "cases/server/full.json", Description: "a full user", Flavor: jiramock.Server, Status: Fail,
		Duration: 12 * time.Millisecond,
		Failures: []string{"the profile differs from the expected one in 2 field(s)"},
		Expect:   cases.Expect{Profile: json.RawMessage(`{"user_id":"fred","active":true}`)},
		Result: &script.Result{Outcome: script.KindProfile, Profile: json.RawMessage(`{"user_id":"fred","active":"true","extra":1}`),
			Console:  []script.ConsoleLine{{Level: "log", Text: "fetched fred"}},
			Requests: []script.Request{{Method: "GET", URL: "http://127.0.0.1:1/rest/auth/1/session", Status: 200}}},
		Findings: []profile.Finding{},
		Diff: []Change{
			{Path: "active", Kind: TypeChanged, Expected: json.RawMessage(`true`), Actual: json.RawMessage(`"true"`)},
			{Path: "extra", Kind: Added, Actual: json.RawMessage(`1`)},
		},
		Mock: []jiramock.LogEntry{{Method: "GET", Path: "/rest/auth/1/session", Verdict: "ok", Status: 200}},
	}
	errCase := &Case{
		Name: "faults/session-204", Flavor: jiramock.Server, Status: Fail, Duration: 2 * time.Millisecond,
		Failures: []string{"expected error callback, but the script ended with exception: ReferenceError: r is not defined"},
		Expect:   cases.Expect{Error: &cases.ExpectedError{Kind: script.KindCallback, Message: regexp.MustCompile(`HTTP 204`)}},
		Result: &script.Result{Outcome: script.KindException,
			Error:    &script.Error{Kind: script.KindException, Message: "ReferenceError: r is not defined", Stack: "ReferenceError: r is not defined\n\tat script.js:12:58(5)\n    at script.js:3:1(2)"},
			Console:  []script.ConsoleLine{},
			Requests: []script.Request{{Method: "GET", URL: "http://127.0.0.1:1/rest/auth/1/session", Status: 401}}},
		Findings: []profile.Finding{},
		Mock: []jiramock.LogEntry{{Method: "GET", Path: "/rest/auth/1/session", Verdict: "signature_invalid", Status: 401,
			Detail: "base string GET&http%3A%2F%2F127.0.0.1%3A1%2Frest…"},
			{Method: "GET", Path: "/rest/api/2/user", Verdict: "ok", Detail: "fault: drop"}},
	}
	r := &Report{Script: "fetchUserProfile.js", ScriptFindings: []profile.Finding{}, Cases: []*Case{pass, diffCase, errCase}}
	r.Tally(20 * time.Millisecond)
	return r
}

func TestTally(t *testing.T) {
	r := sample()
	if r.Summary.Passed != 1 || r.Summary.Failed != 2 || r.Summary.Total != 3 || r.Passed() {
		t.Errorf("summary = %+v, Passed() = %v", r.Summary, r.Passed())
	}
	r.Cases = r.Cases[:1]
	r.Tally(time.Millisecond)
	if !r.Passed() {
		t.Error("one passing case: Passed() = false")
	}
	r.ScriptFindings = []profile.Finding{{Severity: profile.SeverityError, Rule: profile.RuleScriptSize}}
	if r.Passed() {
		t.Error("script over the size limit: Passed() = true")
	}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sample(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if last := lines[len(lines)-1]; last != "1 passed, 2 failed" {
		t.Errorf("last line = %q; want %q", last, "1 passed, 2 failed")
	}
	for _, want := range []string{
		"ok   server/no-email       3.2ms\n",
		"     warning: email: the profile has no email [email_missing]\n",
		"FAIL server/full            12ms\n",
		"     a full user\n",
		"     ✗ the profile differs from the expected one in 2 field(s)\n",
		`       ! active: true (boolean) -> "true" (string)` + "\n",
		"       + extra: 1 (added)\n",
		"       log   fetched fred\n",
		"       GET http://127.0.0.1:1/rest/auth/1/session -> 200\n",
		"     got:  exception: ReferenceError: r is not defined\n",
		"             at script.js:12:58(5)\n",
		"             at script.js:3:1(2)\n", // stack lines line up, tab or spaces
		"       GET /rest/auth/1/session -> 401, OAuth signature_invalid (base string GET&http%3A%2F%2F127.0.0.1%3A1%2Frest…)\n",
		"       GET /rest/api/2/user -> no answer, OAuth ok (fault: drop)\n",
		"       GET /rest/auth/1/session -> 200, OAuth ok\n",
		"3 cases in 20ms",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour without a terminal:\n%s", out)
	}
	// Passing cases show no details unless verbose.
	if strings.Contains(out, `want: profile {"user_id":"fred"}`) {
		t.Errorf("details of a passing case without -v:\n%s", out)
	}
	b.Reset()
	_ = WriteText(&b, sample(), TextOptions{Verbose: true, Color: true})
	if !strings.Contains(b.String(), `want: profile {"user_id":"fred"}`) || !strings.Contains(b.String(), red+"FAIL"+reset) {
		t.Errorf("verbose colour report:\n%s", b.String())
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Script  string `json:"script"`
		Summary struct {
			Passed, Failed, Total int
			DurationMS            float64 `json:"duration_ms"`
		} `json:"summary"`
		Cases []struct {
			Name       string            `json:"name"`
			Status     string            `json:"status"`
			DurationMS float64           `json:"duration_ms"`
			Outcome    string            `json:"outcome"`
			Profile    json.RawMessage   `json:"profile"`
			Error      *script.Error     `json:"error"`
			Console    []json.RawMessage `json:"console"`
			Requests   []json.RawMessage `json:"requests"`
			Findings   []profile.Finding `json:"findings"`
			Diff       []Change          `json:"diff"`
			Mock       []json.RawMessage `json:"mock"`
			Failures   []string          `json:"failures"`
			Expect     map[string]any    `json:"expect"`
		} `json:"cases"`
	}
	dec := json.NewDecoder(&b)
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if dec.More() {
		t.Error("more than one JSON document")
	}
	if doc.Script != "fetchUserProfile.js" || doc.Summary.Passed != 1 || doc.Summary.Failed != 2 || doc.Summary.Total != 3 || doc.Summary.DurationMS != 20 {
		t.Errorf("summary = %+v", doc.Summary)
	}
	c0, c1, c2 := doc.Cases[0], doc.Cases[1], doc.Cases[2]
	if c0.Name != "server/no-email" || c0.Status != "pass" || c0.DurationMS != 3.2 || c0.Outcome != "profile" || compactJSON(c0.Profile) != `{"user_id":"fred"}` || len(c0.Findings) != 1 {
		t.Errorf("case 0 = %+v", c0)
	}
	if c1.Status != "fail" || len(c1.Diff) != 2 || c1.Diff[0].Kind != TypeChanged || len(c1.Console) != 1 || len(c1.Requests) != 1 || len(c1.Mock) != 1 || len(c1.Failures) != 1 {
		t.Errorf("case 1 = %+v", c1)
	}
	if c2.Outcome != "exception" || c2.Error == nil || c2.Error.Stack == "" || c2.Expect["error"] == nil {
		t.Errorf("case 2 = %+v", c2)
	}
	if e := c2.Expect["error"].(map[string]any); e["kind"] != "callback" || e["message"] != "HTTP 204" {
		t.Errorf("case 2 expect = %v", c2.Expect)
	}
}

func TestWriteJUnit(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJUnit(&b, sample()); err != nil {
		t.Fatal(err)
	}
	var doc JUnitSuites
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("JUnit XML does not parse: %v\n%s", err, b.String())
	}
	if doc.Tests != 3 || doc.Failures != 2 || len(doc.Suites) != 1 || len(doc.Suites[0].Cases) != 3 {
		t.Fatalf("JUnit = %+v", doc)
	}
	cs := doc.Suites[0].Cases
	if cs[0].Name != "server/no-email" || cs[0].Failure != nil || cs[0].Time != "0.003" || cs[0].Classname != "bridge.server" || cs[0].File != "cases/server/no-email.json" {
		t.Errorf("case 0 = %+v", cs[0])
	}
	if cs[1].Failure == nil || cs[1].Failure.Message != "the profile differs from the expected one in 2 field(s)" ||
		!strings.Contains(cs[1].Failure.Text, `! active: true (boolean) -> "true" (string)`) || cs[1].SystemOut != "log: fetched fred\n" {
		t.Errorf("case 1 = %+v", cs[1])
	}
	if cs[2].Failure == nil || !strings.Contains(cs[2].Failure.Text, "signature_invalid") {
		t.Errorf("case 2 = %+v", cs[2])
	}

	r := sample()
	r.ScriptFindings = []profile.Finding{{Field: "script", Severity: profile.SeverityError, Rule: profile.RuleScriptSize, Message: "too long"}}
	b.Reset()
	_ = WriteJUnit(&b, r)
	doc = JUnitSuites{}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tests != 4 || doc.Failures != 3 || doc.Suites[0].Cases[3].Name != "script" {
		t.Errorf("JUnit with a script finding = %+v", doc)
	}
}

func TestDuration(t *testing.T) {
	cases := map[time.Duration]string{
		850 * time.Microsecond:   "850µs",
		12345 * time.Microsecond: "12.3ms",
		1254 * time.Millisecond:  "1.25s",
	}
	for d, want := range cases {
		if got := Duration(d); got != want {
			t.Errorf("Duration(%v) = %q; want %q", d, got, want)
		}
	}
}

// TestWriteTextOneCase: the summary counts in good English.
func TestWriteTextOneCase(t *testing.T) {
	r := sample()
	r.Cases = r.Cases[:1]
	r.Tally(5 * time.Millisecond)
	var b bytes.Buffer
	if err := WriteText(&b, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := "\n1 case in 5ms (200 cases/s)\n1 passed, 0 failed\n"; !strings.HasSuffix(b.String(), want) {
		t.Errorf("report ends %q; want %q", b.String(), want)
	}
}

// TestWriteJSONShape: empty lists are [], not null, and URLs are not
// HTML-escaped.
func TestWriteJSONShape(t *testing.T) {
	r := sample()
	r.ScriptFindings = nil
	r.Cases[1].Mock[0].Path = "/rest/api/2/user?expand=groups&username=fred"
	var b bytes.Buffer
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`"script_findings": []`, `"path": "/rest/api/2/user?expand=groups&username=fred"`} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON report lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, `\u0026`) {
		t.Errorf("JSON report escapes & as \\u0026:\n%s", out)
	}
}

func TestSourceAt(t *testing.T) {
	sources := map[string]string{"s.js": "function(t, s, ctx, cb) {\n\tvar x = r.y;\n}\n", "ü.js": "a\n"}
	tests := []struct{ frame, src, caret string }{
		{"\tat s.js:2:10(3)", "2 |  var x = r.y;", "             ^"},
		{"    at inner (s.js:2:10(3))", "2 |  var x = r.y;", "             ^"},
		{"at s.js:1:1", "1 | function(t, s, ctx, cb) {", "    ^"},
		{"at s.js:9:1", "", ""},                   // no such line
		{"at other.js:1:1", "", ""},               // unknown file
		{"at native", "", ""},                     // no position
		{"at s.js:2:99", "2 |  var x = r.y;", ""}, // column past the end: no caret
		{"at ü.js:1:1", "1 | a", "    ^"},
	}
	for _, tt := range tests {
		src, caret := SourceAt(tt.frame, sources)
		if src != tt.src || caret != tt.caret {
			t.Errorf("SourceAt(%q) = %q, %q; want %q, %q", tt.frame, src, caret, tt.src, tt.caret)
		}
	}
	var b bytes.Buffer
	r := sample()
	// Column 58 of line 12 is the r of r.statusCode.
	code := strings.Repeat(" ", 57) + "r.statusCode;"
	if err := WriteText(&b, r, TextOptions{Sources: map[string]string{"script.js": strings.Repeat("\n", 11) + code + "\n"}}); err != nil {
		t.Fatal(err)
	}
	want := "             at script.js:12:58(5)\n" +
		"               12 | " + code + "\n" +
		"               " + strings.Repeat(" ", len("12 | ")+57) + "^\n"
	if !strings.Contains(b.String(), want) {
		t.Errorf("report lacks the source excerpt %q:\n%s", want, b.String())
	}
}

// TestWriteTextWant: a failure's reasons say what was wanted, so "want:" is
// only for a passing case shown in full (-v), its profile quoted shortened.
func TestWriteTextWant(t *testing.T) {
	r := sample()
	long := `{"user_id":"fred","name":"` + strings.Repeat("x", 300) + `"}`
	r.Cases[0].Expect = cases.Expect{Profile: json.RawMessage(long)}
	r.Cases[0].Result.Profile = json.RawMessage(long)
	var b bytes.Buffer
	if err := WriteText(&b, r, TextOptions{Verbose: true}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, "want:"); n != 1 {
		t.Errorf("%d want: lines; want 1, the passing case's:\n%s", n, out)
	}
	want := "     want: profile " + long[:maxWant-1] + "…\n"
	if !strings.Contains(out, want) {
		t.Errorf("report lacks %q:\n%s", want, out)
	}
	if n := strings.Count(out, "got:  profile"); n != 1 || !strings.Contains(out, "     got:  profile, the expected one\n") {
		t.Errorf("%d got: profile lines; want 1, the passing case's (the diff case has its diff):\n%s", n, out)
	}
}

// All cases may pass while the script breaks its own limits: the end of the
// report must not read as a clean run.
func TestWriteTextScriptFailureBesideTheCount(t *testing.T) {
	r := sample()
	r.Cases = r.Cases[:1]
	r.Tally(time.Millisecond)
	r.ScriptFindings = []profile.Finding{{Field: "script", Severity: profile.SeverityError, Rule: profile.RuleScriptSize, Message: "55,493 characters, over Auth0's 51,200"}}
	var b bytes.Buffer
	if err := WriteText(&b, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if n := len(lines); n < 2 || lines[n-1] != "1 passed, 0 failed" || lines[n-2] != "FAIL the script fetchUserProfile.js fails its own checks (see the top of the report)" {
		t.Errorf("last lines = %q", lines[max(0, len(lines)-2):])
	}

	r.ScriptFindings = []profile.Finding{{Field: "script", Severity: profile.SeverityWarning, Rule: profile.RuleScriptSize, Message: "near the limit"}}
	b.Reset()
	_ = WriteText(&b, r, TextOptions{})
	if strings.Contains(b.String(), "fails its own checks") {
		t.Errorf("a warning alone must not fail the script:\n%s", b.String())
	}
}
