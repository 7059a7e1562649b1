package cases

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
	"github.com/jira-auth0-bridge/bridge/internal/script"
)

const fredUser = `{"name":"fred","key":"fred","displayName":"Fred"}`

func TestParseProfileCase(t *testing.T) {
	data := `{
  "description": "a full Server user",
  "flavor": "server",
  "user": ` + fredUser + `,
  "timeout": "250ms",
  "expect": {"profile": {"user_id": "fred"}}
}`
	c, err := Parse("server/fred", "cases/server/fred.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "server/fred" || c.File != "cases/server/fred.json" || c.Description != "a full Server user" {
		t.Errorf("name/file/description = %q %q %q", c.Name, c.File, c.Description)
	}
	if c.Flavor != jiramock.Server || c.User == nil || c.User.Name != "fred" || c.Timeout != 250*time.Millisecond {
		t.Errorf("flavor/user/timeout = %q %+v %v", c.Flavor, c.User, c.Timeout)
	}
	if string(c.Expect.Profile) != `{"user_id": "fred"}` || c.Expect.Error != nil {
		t.Errorf("expect = %s %+v", c.Expect.Profile, c.Expect.Error)
	}
}

func TestParseErrorCase(t *testing.T) {
	data := `{"flavor":"cloud","user":{"accountId":"5b10"},
	"faults":{"session":{"status":500,"body":"<html>proxy</html>","contentType":"text/html","delay":"10ms"}},
	"expect":{"error":{"kind":"callback","message":"HTTP 500"}}}`
	c, err := Parse("x", "x.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if c.Flavor != jiramock.Cloud || c.User.AccountID != "5b10" || c.Timeout != 0 {
		t.Errorf("flavor/user/timeout = %q %+v %v", c.Flavor, c.User, c.Timeout)
	}
	f, ok := c.Faults[jiramock.EndpointSession]
	if !ok || f.Status != 500 || f.Body == nil || *f.Body != "<html>proxy</html>" || f.ContentType != "text/html" || f.Delay.Duration != 10*time.Millisecond {
		t.Errorf("faults = %+v", c.Faults)
	}
	if c.Expect.Profile != nil || c.Expect.Error == nil || c.Expect.Error.Kind != script.KindCallback || c.Expect.Error.Message.String() != "HTTP 500" {
		t.Errorf("expect = %s %+v", c.Expect.Profile, c.Expect.Error)
	}
}

func TestParseDefaults(t *testing.T) {
	c, err := Parse("x", "x.json", []byte(`{"user":`+fredUser+`,"expect":{"error":{"kind":"timeout"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Flavor != jiramock.Server || c.Faults != nil || c.Timeout != 0 || c.Expect.Error.Message != nil {
		t.Errorf("defaults = %+v %+v", c, c.Expect.Error)
	}
}

// TestParseCrashKind: a case may expect its sandbox worker to crash.
func TestParseCrashKind(t *testing.T) {
	c, err := Parse("x", "x.json", []byte(`{"user":`+fredUser+`,"expect":{"error":{"kind":"crash","message":"last words"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Expect.Error.Kind != script.KindCrash {
		t.Errorf("kind = %q; want crash", c.Expect.Error.Kind)
	}
}

// TestParseBad: every kind of bad case names file:line:col and says what to fix.
func TestParseBad(t *testing.T) {
	cases := []struct {
		name, data string
		where      string // "line:col", or "" for the whole file
		msg        string
	}{
		{"empty", ``, "", "the file is empty"},
		{"not object", `[1]`, "1:1", "one JSON object"},
		{"syntax", "{\n  \"user\": " + fredUser + ",\n  \"expect\": {\"profile\": {\"a\": 1,}}\n}", "3:33", "malformed JSON: invalid character '}'"},
		{"truncated", "{\"user\": " + fredUser + ",\n \"expect\": {", "2:13", "ends early"},
		{"trailing", `{"user":` + fredUser + `,"expect":{"error":{"kind":"timeout"}}} {}`, "1:98", "extra text"},
		{"unknown top", "{\n  \"usr\": {}\n}", "2:3", `unknown field "usr" here: the fields are "description", "expect", "faults", "flavor", "protocol", "timeout", "token", "user"`},
		{"unknown nested", "{\"user\":" + fredUser + ",\n\"expect\":{\"error\":{\"kind\":\"timeout\",\"msg\":\"x\"}}}", "2:37", `unknown field "msg" in "expect.error"`},
		{"unknown endpoint", "{\"faults\":{\"login\":{}}}", "1:12", `unknown field "login" in "faults": the fields are "accessible-resources", "me", "myself", "session", "user"`},
		{"unknown fault field", "{\"faults\":{\"user\":{\"stauts\":404}}}", "1:20", `unknown field "stauts" in "faults.user"`},
		{"duplicate", `{"flavor":"server","flavor":"cloud"}`, "1:20", `"flavor" appears twice`},
		{"both", "{\"user\":" + fredUser + ",\n\"expect\":{\"profile\":{},\"error\":{\"kind\":\"timeout\"}}}", "2:10", "both a profile and an error"},
		{"no expect", `{"user":` + fredUser + `}`, "", `no "expect"`},
		{"empty expect", `{"user":` + fredUser + `,"expect":{}}`, "1:68", "expect is empty"},
		{"profile not object", `{"user":` + fredUser + `,"expect":{"profile":[1]}}`, "1:79", "must be a JSON object"},
		{"unknown kind", `{"user":` + fredUser + `,"expect":{"error":{"kind":"crashed"}}}`, "1:85", `error kind "crashed" is unknown: use one of callback, exception`},
		{"profile kind", `{"user":` + fredUser + `,"expect":{"error":{"kind":"profile"}}}`, "1:85", `error kind "profile" is unknown`},
		{"no kind", `{"user":` + fredUser + `,"expect":{"error":{"message":"x"}}}`, "1:77", "has no kind"},
		{"bad regexp", `{"user":` + fredUser + `,"expect":{"error":{"kind":"exception","message":"r is not (defined"}}}`, "1:107", "not a valid regexp"},
		{"bad flavor", `{"flavor":"datacenter","user":` + fredUser + `,"expect":{"error":{"kind":"timeout"}}}`, "1:11", `flavor "datacenter" is unknown: use "server" or "cloud"`},
		{"flavor type", `{"flavor":1}`, "1:11", "flavor must be a string, not a JSON number"},
		{"no user", `{"expect":{"error":{"kind":"timeout"}}}`, "", `no "user"`},
		{"user without id", `{"user":{"displayName":"x"},"expect":{"error":{"kind":"timeout"}}}`, "1:9", "neither"},
		{"bad timeout", `{"user":` + fredUser + `,"timeout":"soon","expect":{"error":{"kind":"timeout"}}}`, "1:69", `timeout "soon" is not a positive duration`},
		{"negative timeout", `{"user":` + fredUser + `,"timeout":"-1s","expect":{"error":{"kind":"timeout"}}}`, "1:69", "not a positive duration"},
		{"bad delay", `{"user":` + fredUser + `,"faults":{"user":{"delay":"slow"}},"expect":{"error":{"kind":"timeout"}}}`, "1:68", "faults:"},
		{"status type", `{"user":` + fredUser + `,"faults":{"user":{"status":"500"}},"expect":{"error":{"kind":"timeout"}}}`, "1:68", "faults:"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c", "dir/c.json", []byte(tc.data))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%s) error = %v (%T); want *Error", tc.data, err, err)
			}
			wantPrefix := "dir/c.json: "
			if tc.where != "" {
				wantPrefix = "dir/c.json:" + tc.where + ": "
			}
			if !strings.HasPrefix(e.Error(), wantPrefix) || !strings.Contains(e.Error(), tc.msg) {
				t.Errorf("Parse error = %q; want prefix %q and %q", e.Error(), wantPrefix, tc.msg)
			}
		})
	}
}

func TestLoadCollectsAllErrors(t *testing.T) {
	good := `{"user":` + fredUser + `,"expect":{"error":{"kind":"timeout"}}}`
	fsys := fstest.MapFS{
		"suite/a.json":         {Data: []byte(good)},
		"suite/b/c.json":       {Data: []byte(good)},
		"suite/b/bad.json":     {Data: []byte(`{"nope":1}`)},
		"suite/z.json":         {Data: []byte(`{`)},
		"suite/.keep":          {Data: []byte("")},
		"suite/.hidden/x.json": {Data: []byte(`{`)},
		"suite/README.md":      {Data: []byte("# notes")},
	}
	_, err := Load(fsys, "suite", "my/cases")
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Load error = %v; want an ErrorList", err)
	}
	if len(list) != 2 || list[0].File != "my/cases/b/bad.json" || list[1].File != "my/cases/z.json" {
		t.Errorf("Load errors = %v; want b/bad.json and z.json", list)
	}

	delete(fsys, "suite/b/bad.json")
	delete(fsys, "suite/z.json")
	cs, err := Load(fsys, "suite", "my/cases")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cs {
		names = append(names, c.Name+"@"+c.File)
	}
	if got := strings.Join(names, " "); got != "a@my/cases/a.json b/c@my/cases/b/c.json" {
		t.Errorf("Load names = %s", got)
	}
}

func TestLoadEmpty(t *testing.T) {
	_, err := Load(fstest.MapFS{"d/.keep": {}}, "d", "d")
	var list ErrorList
	if !errors.As(err, &list) || !strings.Contains(err.Error(), "no case files") {
		t.Errorf("Load(empty) error = %v; want no case files", err)
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadDir(dir + "/missing"); err == nil || !strings.Contains(err.Error(), "--cases") {
		t.Errorf("LoadDir(missing) = %v", err)
	}
}

func TestDefaultSuiteLoads(t *testing.T) {
	cs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	flavors := map[jiramock.Flavor]int{}
	for _, c := range cs {
		flavors[c.Flavor]++
		if !strings.HasPrefix(c.File, DefaultDir+"/") {
			t.Errorf("case %s file %s; want below %s", c.Name, c.File, DefaultDir)
		}
	}
	if flavors[jiramock.Server] == 0 || flavors[jiramock.Cloud] == 0 {
		t.Errorf("default suite flavors = %v; want both", flavors)
	}
}

func TestFilter(t *testing.T) {
	cs := []*Case{{Name: "server/fred", Flavor: jiramock.Server}, {Name: "cloud/mia", Flavor: jiramock.Cloud}, {Name: "faults/session-500", Flavor: jiramock.Server}}
	cases := []struct {
		run    string
		flavor jiramock.Flavor
		want   string
	}{
		{"", "", "server/fred cloud/mia faults/session-500"},
		{"fred|mia", "", "server/fred cloud/mia"},
		{"", jiramock.Server, "server/fred faults/session-500"},
		{"^faults/", jiramock.Cloud, ""},
	}
	for _, tc := range cases {
		var re *regexp.Regexp
		if tc.run != "" {
			re = regexp.MustCompile(tc.run)
		}
		var names []string
		for _, c := range Filter(cs, re, tc.flavor) {
			names = append(names, c.Name)
		}
		if got := strings.Join(names, " "); got != tc.want {
			t.Errorf("Filter(%q, %q) = %q; want %q", tc.run, tc.flavor, got, tc.want)
		}
	}
}

// TestErrorListText: one problem or many, the header says so and what to do.
func TestErrorListText(t *testing.T) {
	one := ErrorList{{File: "a.json", Line: 2, Column: 3, Message: "bad"}}
	if got, want := one.Error(), "cases: a problem in the case files; fix it (see 'bridge test --help' for the format) and run again:\n  a.json:2:3: bad"; got != want {
		t.Errorf("one problem:\n%s\nwant:\n%s", got, want)
	}
	two := append(one, &Error{File: "b.json", Message: "no user"})
	if got, want := two.Error(), "cases: 2 problems in the case files; fix them (see 'bridge test --help' for the format) and run again:\n  a.json:2:3: bad\n  b.json: no user"; got != want {
		t.Errorf("two problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestParseSeveralProblems: independent problems of one file are all
// reported, in file order, the file-wide ones last; LoadDir lists each.
func TestParseSeveralProblems(t *testing.T) {
	data := "{\n" +
		"  \"flavor\": \"dc\",\n" +
		"  \"timeout\": \"5q\",\n" +
		"  \"expect\": {\"error\": {\"kind\": \"callback\", \"message\": \"(\"}}\n" +
		"}\n"
	_, err := Parse("c", "c.json", []byte(data))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Parse error = %v (%T); want an ErrorList", err, err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		`c.json:2:13: flavor "dc" is unknown`,
		`c.json:3:14: timeout "5q" is not a positive duration`,
		`c.json:4:55: message is not a valid regexp`,
		`c.json: the case has no "user"`,
	}
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q; want prefix %q", i, got[i], want[i])
		}
	}

	_, err = LoadDir(writeCase(t, data))
	if !errors.As(err, &list) || len(list) != 4 {
		t.Errorf("LoadDir error = %v; want the 4 problems", err)
	}
}

func writeCase(t *testing.T, data string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "c.json"), []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}
