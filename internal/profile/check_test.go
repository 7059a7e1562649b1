package profile

import (
	"encoding/json"
	"strings"
	"testing"
)

// want is a finding reduced to what a rule test asserts.
type want struct {
	Field    string
	Severity Severity
	Rule     string
}

func reduce(fs []Finding) []want {
	var out []want
	for _, f := range fs {
		out = append(out, want{f.Field, f.Severity, f.Rule})
	}
	return out
}

// only keeps findings of one rule, so each table tests its own rule.
func only(rule string, fs []Finding) []want {
	var out []want
	for _, w := range reduce(fs) {
		if w.Rule == rule {
			out = append(out, w)
		}
	}
	return out
}

func runRule(t *testing.T, rule string, cases []struct {
	name, profile string
	want          []want
}) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := only(rule, Check(json.RawMessage(tc.profile)))
			if !equal(got, tc.want) {
				t.Errorf("Check(%s) %s findings = %v; want %v (all: %v)", tc.profile, rule, got, tc.want, Check(json.RawMessage(tc.profile)))
			}
		})
	}
}

func equal(a, b []want) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

type ruleCase = struct {
	name, profile string
	want          []want
}

func TestCheckObject(t *testing.T) {
	runRule(t, RuleObject, []ruleCase{
		{"object", `{"user_id":"x"}`, nil},
		{"array", `[1]`, []want{{"", SeverityError, RuleObject}}},
		{"string", `"x"`, []want{{"", SeverityError, RuleObject}}},
		{"null", `null`, []want{{"", SeverityError, RuleObject}}},
		{"invalid", `{"user_id":`, []want{{"", SeverityError, RuleObject}}},
	})
}

func TestCheckUserID(t *testing.T) {
	e := []want{{"user_id", SeverityError, RuleUserID}}
	runRule(t, RuleUserID, []ruleCase{
		{"string", `{"user_id":"fred"}`, nil},
		{"number", `{"user_id":42}`, nil},
		{"zero", `{"user_id":0}`, nil},
		{"missing", `{"name":"Fred"}`, e},
		{"empty", `{"user_id":""}`, e},
		{"blank", `{"user_id":"  "}`, e},
		{"null", `{"user_id":null}`, e},
		{"bool", `{"user_id":true}`, e},
		{"object", `{"user_id":{"id":1}}`, e},
		{"array", `{"user_id":["a"]}`, e},
	})
}

func TestCheckEmail(t *testing.T) {
	e := []want{{"email", SeverityError, RuleEmail}}
	runRule(t, RuleEmail, []ruleCase{
		{"address", `{"user_id":"x","email":"fred@example.com"}`, nil},
		{"plus", `{"user_id":"x","email":"fred+jira@example.co.uk"}`, nil},
		{"missing", `{"user_id":"x"}`, nil},
		{"null", `{"user_id":"x","email":null}`, nil},
		{"no at", `{"user_id":"x","email":"fred.example.com"}`, e},
		{"empty", `{"user_id":"x","email":""}`, e},
		{"display name", `{"user_id":"x","email":"Fred <fred@example.com>"}`, e},
		{"space", `{"user_id":"x","email":"fred @example.com"}`, e},
		{"number", `{"user_id":"x","email":5}`, e},
		{"array", `{"user_id":"x","email":["fred@example.com"]}`, e},
	})
}

func TestCheckEmailMissing(t *testing.T) {
	w := []want{{"email", SeverityWarning, RuleEmailMissing}}
	runRule(t, RuleEmailMissing, []ruleCase{
		{"present", `{"user_id":"x","email":"a@b.c"}`, nil},
		{"absent", `{"user_id":"x"}`, w},
		{"null is the null rule's", `{"user_id":"x","email":null}`, nil},
	})
}

func TestCheckEmailVerified(t *testing.T) {
	e := []want{{"email_verified", SeverityError, RuleEmailVerified}}
	runRule(t, RuleEmailVerified, []ruleCase{
		{"true", `{"user_id":"x","email_verified":true}`, nil},
		{"false", `{"user_id":"x","email_verified":false}`, nil},
		{"absent", `{"user_id":"x"}`, nil},
		{"null", `{"user_id":"x","email_verified":null}`, nil},
		{"string", `{"user_id":"x","email_verified":"true"}`, e},
		{"number", `{"user_id":"x","email_verified":1}`, e},
	})
}

func TestCheckStrings(t *testing.T) {
	var cases []ruleCase
	for _, f := range stringFields {
		cases = append(cases,
			ruleCase{f + " string", `{"user_id":"x","` + f + `":"Fred"}`, nil},
			ruleCase{f + " unicode", `{"user_id":"x","` + f + `":"Zoë 李"}`, nil},
			ruleCase{f + " null", `{"user_id":"x","` + f + `":null}`, nil},
			ruleCase{f + " number", `{"user_id":"x","` + f + `":1}`, []want{{f, SeverityError, RuleString}}},
			ruleCase{f + " object", `{"user_id":"x","` + f + `":{"first":"F"}}`, []want{{f, SeverityError, RuleString}}},
			ruleCase{f + " bool", `{"user_id":"x","` + f + `":false}`, []want{{f, SeverityError, RuleString}}},
		)
	}
	cases = append(cases, ruleCase{"other fields free", `{"user_id":"x","active":true,"groups":{"size":1}}`, nil})
	runRule(t, RuleString, cases)
}

func TestCheckPicture(t *testing.T) {
	e := []want{{"picture", SeverityError, RulePicture}}
	runRule(t, RulePicture, []ruleCase{
		{"https", `{"user_id":"x","picture":"https://a.example/p.png?s=48"}`, nil},
		{"http", `{"user_id":"x","picture":"http://jira.example.com/secure/useravatar?size=large&ownerId=fred"}`, nil},
		{"absent", `{"user_id":"x"}`, nil},
		{"relative", `{"user_id":"x","picture":"/secure/useravatar"}`, e},
		{"no host", `{"user_id":"x","picture":"https:///p.png"}`, e},
		{"data", `{"user_id":"x","picture":"data:image/png;base64,AAAA"}`, e},
		{"ftp", `{"user_id":"x","picture":"ftp://a.example/p.png"}`, e},
		{"empty", `{"user_id":"x","picture":""}`, e},
		{"object", `{"user_id":"x","picture":{"48x48":"https://a.example/p.png"}}`, e},
	})
}

func TestCheckAttributeNames(t *testing.T) {
	runRule(t, RuleAttributeName, []ruleCase{
		{"plain", `{"user_id":"x","avatar_urls":{"48x48":"u"}}`, nil},
		{"dot top", `{"user_id":"x","a.b":1}`, []want{{`["a.b"]`, SeverityError, RuleAttributeName}}},
		{"dollar top", `{"user_id":"x","$ref":1}`, []want{{`["$ref"]`, SeverityError, RuleAttributeName}}},
		{"nested", `{"user_id":"x","groups":{"items":[{"name":"a","x.y":1}]}}`,
			[]want{{`groups.items[0]["x.y"]`, SeverityError, RuleAttributeName}}},
		{"deep in arrays", `{"user_id":"x","a":[[{"$b":{"c.d":1}}]]}`,
			[]want{{`a[0][0]["$b"]`, SeverityError, RuleAttributeName}, {`a[0][0]["$b"]["c.d"]`, SeverityError, RuleAttributeName}}},
		{"values may", `{"user_id":"x","self":"http://a.example/x.y?$z"}`, nil},
	})
}

func TestCheckNulls(t *testing.T) {
	runRule(t, RuleNull, []ruleCase{
		{"none", `{"user_id":"x","a":[1,"b",false,{}]}`, nil},
		{"top", `{"user_id":"x","locale":null}`, []want{{"locale", SeverityWarning, RuleNull}}},
		{"nested", `{"user_id":"x","groups":{"items":[null]}}`, []want{{"groups.items[0]", SeverityWarning, RuleNull}}},
		{"sorted", `{"user_id":"x","z":null,"a":null}`, []want{{"a", SeverityWarning, RuleNull}, {"z", SeverityWarning, RuleNull}}},
	})
}

// TestCheckRealProfile: the shipped script's profile for docs/jira.md "REST shapes"'s fred
// passes with no findings at all.
func TestCheckRealProfile(t *testing.T) {
	p := `{"user_id":"fred","username":"fred","email":"fred@example.com","name":"Fred F. User",
	"groups":{"size":3,"items":[{"name":"jira-user","self":"http://www.example.com/jira/rest/api/2/group?groupname=jira-user"}]},
	"picture":"http://www.example.com/jira/secure/useravatar?size=large&ownerId=fred","active":true,
	"self":"http://www.example.com/jira/rest/api/2/user?username=fred","timezone":"Australia/Sydney","locale":"en_AU"}`
	if fs := Check(json.RawMessage(p)); len(fs) != 0 {
		t.Errorf("Check(fred) = %v; want no findings", fs)
	}
}

func TestCheckScriptSize(t *testing.T) {
	cases := []struct {
		name   string
		source string
		want   []want
	}{
		{"small", "function(a,b,c,cb){cb(null,{})}", nil},
		{"at limit", strings.Repeat("x", MaxScriptChars), []want{{"script", SeverityWarning, RuleScriptSize}}},
		{"over", strings.Repeat("x", MaxScriptChars+1), []want{{"script", SeverityError, RuleScriptSize}}},
		{"under warning", strings.Repeat("x", MaxScriptChars*9/10), nil},
		// é is one UTF-16 unit (two UTF-8 bytes): 30,000 of them are under the limit.
		{"multibyte counts chars", strings.Repeat("é", 30000), nil},
		// 😀 is two UTF-16 units, as in JavaScript's String length.
		{"astral counts two", strings.Repeat("😀", MaxScriptChars/2+1), []want{{"script", SeverityError, RuleScriptSize}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := reduce(CheckScriptSize(tc.source)); !equal(got, tc.want) {
				t.Errorf("CheckScriptSize = %v; want %v", got, tc.want)
			}
		})
	}
}

func TestHasErrors(t *testing.T) {
	w := Finding{Severity: SeverityWarning}
	e := Finding{Severity: SeverityError}
	cases := []struct {
		name   string
		fs     []Finding
		strict bool
		want   bool
	}{
		{"none", nil, false, false},
		{"none strict", nil, true, false},
		{"warning", []Finding{w}, false, false},
		{"warning strict", []Finding{w}, true, true},
		{"error", []Finding{w, e}, false, true},
		{"error strict", []Finding{e}, true, true},
	}
	for _, tc := range cases {
		if got := HasErrors(tc.fs, tc.strict); got != tc.want {
			t.Errorf("%s: HasErrors = %v; want %v", tc.name, got, tc.want)
		}
	}
}

func TestJoin(t *testing.T) {
	cases := []struct{ path, key, want string }{
		{"", "a", "a"},
		{"a", "b", "a.b"},
		{"a[0]", "b", "a[0].b"},
		{"", "a.b", `["a.b"]`},
		{"a", "", `a[""]`},
		{"a", "48x48", "a.48x48"},
	}
	for _, tc := range cases {
		if got := Join(tc.path, tc.key); got != tc.want {
			t.Errorf("Join(%q, %q) = %q; want %q", tc.path, tc.key, got, tc.want)
		}
	}
}
