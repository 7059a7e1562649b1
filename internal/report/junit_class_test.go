package report

import (
	"bytes"
	"encoding/xml"
	"testing"
)

func TestJUnitClassnameAndWarnings(t *testing.T) {
	r := sample()
	r.Cases[2].Name = "faults/session/204"
	r.Cases = append(r.Cases, &Case{Name: "top", Status: Pass, Findings: nil})
	r.Tally(0)
	var b bytes.Buffer
	if err := WriteJUnit(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc JUnitSuites
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	cs := doc.Suites[0].Cases
	for i, want := range []string{"bridge.server", "bridge.server", "bridge.faults.session", "bridge"} {
		if cs[i].Classname != want {
			t.Errorf("case %s classname = %q, want %q", cs[i].Name, cs[i].Classname, want)
		}
	}
	if want := "warning: email: the profile has no email [email_missing]\n"; cs[0].SystemOut != want {
		t.Errorf("passing case's system-out = %q, want its warning %q", cs[0].SystemOut, want)
	}
	if cs[3].SystemOut != "" {
		t.Errorf("a case without console or warnings has system-out %q", cs[3].SystemOut)
	}
}
