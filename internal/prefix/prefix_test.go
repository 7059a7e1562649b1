package prefix

import (
	"bytes"
	"errors"
	"testing"
)

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := Writer(&b, "bridge: ")
	for _, line := range []string{"auth0: GET /api/v2/connections\n", "created jira\n"} {
		n, err := w.Write([]byte(line))
		if err != nil || n != len(line) {
			t.Fatalf("Write(%q) = %d, %v; want %d, nil", line, n, err, len(line))
		}
	}
	if want := "bridge: auth0: GET /api/v2/connections\nbridge: created jira\n"; b.String() != want {
		t.Errorf("wrote %q; want %q", b.String(), want)
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterError(t *testing.T) {
	n, err := Writer(failing{}, "mock: ").Write([]byte("x\n"))
	if n != 0 || err == nil || err.Error() != "disk full" {
		t.Errorf("Write = %d, %v; want 0 and the writer's error", n, err)
	}
}
