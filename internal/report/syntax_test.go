package report

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestWriteTextSyntaxError: a script that does not compile is reported once,
// as Node prints the error, with one verdict line per case and no rate.
func TestWriteTextSyntaxError(t *testing.T) {
	r := sample()
	r.Script = "script.js"
	r.SyntaxError = "script.js:59\n      locale: user.locale,,\n" + strings.Repeat(" ", 26) + "^\n\nSyntaxError: Unexpected token ','"
	r.Tally(95 * time.Microsecond)
	var b bytes.Buffer
	if err := WriteText(&b, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"FAIL the script script.js does not compile:\n     script.js:59\n           locale: user.locale,,\n" +
			"     " + strings.Repeat(" ", 26) + "^\n\n     SyntaxError: Unexpected token ','\n",
		"the script did not compile: none of the 3 cases ran\n",
		"1 passed, 2 failed\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "Unexpected token"); n != 1 {
		t.Errorf("the syntax error is printed %d times; want once:\n%s", n, out)
	}
	if strings.Contains(out, "cases/s") || strings.Contains(out, "cases in") {
		t.Errorf("a rate is printed for cases that did not run:\n%s", out)
	}
}
