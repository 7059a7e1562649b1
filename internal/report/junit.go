package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
)

// JUnit XML as GitHub Actions reporters and GitLab read it: <testsuites> with
// one <testsuite>, one <testcase> a case, a <failure> per failing case.

// JUnitSuites is the document root.
type JUnitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []JUnitSuite `xml:"testsuite"`
}

// JUnitSuite is the one suite of a run.
type JUnitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []JUnitCase `xml:"testcase"`
}

// JUnitCase is one case.
type JUnitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *JUnitFailure `xml:"failure"`
	SystemOut string        `xml:"system-out,omitempty"`
}

// JUnitFailure says why a case failed; its text is the case's details.
type JUnitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func seconds(r interface{ Seconds() float64 }) string { return fmt.Sprintf("%.3f", r.Seconds()) }

// classname groups cases by their directory, as JUnit viewers group test
// classes: server/full is in bridge.server, faults/session/drop in
// bridge.faults.session, a case at the top in bridge.
func classname(name string) string {
	dir := path.Dir(name)
	if dir == "." || dir == "/" {
		return "bridge"
	}
	return "bridge." + strings.ReplaceAll(dir, "/", ".")
}

// WriteJUnit writes the report as JUnit XML.
func WriteJUnit(w io.Writer, r *Report) error {
	s := JUnitSuite{Name: "bridge test " + r.Script, Tests: r.Summary.Total, Failures: r.Summary.Failed, Time: seconds(r.Summary.Duration)}
	for _, c := range r.Cases {
		jc := JUnitCase{Name: c.Name, Classname: classname(c.Name), File: c.File, Time: seconds(c.Duration)}
		if c.Status != Pass {
			msg := "failed"
			if len(c.Failures) > 0 {
				msg = c.Failures[0]
			}
			jc.Failure = &JUnitFailure{Message: msg, Type: "bridge.failure", Text: Details(c)}
		}
		var out strings.Builder
		if c.Result != nil {
			for _, l := range c.Result.Console {
				fmt.Fprintf(&out, "%s: %s\n", l.Level, l.Text)
			}
		}
		if c.Status == Pass {
			// A passing case's warnings would be lost without a failure
			// element to carry them.
			for _, f := range c.Findings {
				out.WriteString(f.String() + "\n")
			}
		}
		jc.SystemOut = out.String()
		s.Cases = append(s.Cases, jc)
	}
	if profile.HasErrors(r.ScriptFindings, r.Strict) {
		var text strings.Builder
		for _, f := range r.ScriptFindings {
			text.WriteString(f.String() + "\n")
		}
		s.Cases = append(s.Cases, JUnitCase{Name: "script", Classname: "bridge.script", File: r.Script, Time: "0.000",
			Failure: &JUnitFailure{Message: "the script breaks Auth0's limits", Type: "bridge.script", Text: text.String()}})
		s.Tests++
		s.Failures++
	}
	doc := JUnitSuites{Name: "bridge test", Tests: s.Tests, Failures: s.Failures, Time: s.Time, Suites: []JUnitSuite{s}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("report: writing JUnit XML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
