package cases

import (
	"strings"
	"testing"
)

func TestParseMatchAndWarnings(t *testing.T) {
	const user = `"user": {"name": "fred"}`
	c, err := Parse("c", "c.json", []byte(`{`+user+`, "expect": {"profile": {"user_id": "fred"}, "match": "subset", "warnings": ["email_missing", "null"]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Expect.Subset() || strings.Join(c.Expect.Warnings, ",") != "email_missing,null" {
		t.Errorf("expect = %+v", c.Expect)
	}
	for body, want := range map[string]string{
		`"profile": {"user_id": "x"}, "match": "loose"`:                `match "loose" is unknown`,
		`"error": {"kind": "callback"}, "match": "subset"`:             "expect.match applies to an expected profile",
		`"profile": {"user_id": "x"}, "warnings": ["user_id"]`:         `warning "user_id" is not a warning rule`,
		`"error": {"kind": "callback"}, "warnings": ["email_missing"]`: "expect.warnings applies to an expected profile",
		`"profile": {"user_id": "x"}, "warnings": "email_missing"`:     "warnings must be an array",
		`"profile": {"user_id": "x"}, "matches": "subset"`:             "matches",
	} {
		_, err := Parse("c", "c.json", []byte(`{`+user+`, "expect": {`+body+`}}`))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "c.json:1:") {
			t.Errorf("%s: err = %v, want it to say %q at c.json:1:…", body, err, want)
		}
	}
}
