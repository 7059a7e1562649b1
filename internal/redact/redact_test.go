package redact

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRedactor(t *testing.T) {
	pem, err := os.ReadFile("../../testdata/keys/test.key")
	require.NoError(t, err)
	jsonPEM, _ := json.Marshal(string(pem))
	lines := strings.Split(string(pem), "\n")

	r := New(string(pem), "tok-secret-123", "", "1.0")
	cases := []struct{ name, in, want string }{
		{"whole PEM", "key=" + string(pem), "key=" + Mask + "\n"},
		{"PEM in JSON", `{"client_secret":` + string(jsonPEM) + `}`, `{"client_secret":"` + Mask + `"}`},
		{"one line of the PEM", "oops " + lines[3], "oops " + Mask},
		{"token secret", "secret tok-secret-123!", "secret " + Mask + "!"},
		{"short values are not secrets", "version 1.0", "version 1.0"},
		{"nothing to hide", "hello", "hello"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, r.String(c.in))
		})
	}
}

func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w := New("super-secret").Writer(&buf)
	n, err := w.Write([]byte("a super-secret b\n"))
	require.NoError(t, err)
	assert.Equal(t, 17, n)
	assert.Equal(t, "a [REDACTED] b\n", buf.String())
}

func TestNilAndZero(t *testing.T) {
	var r *Redactor
	assert.Equal(t, "x", r.String("x"))
	assert.Equal(t, "x", (&Redactor{}).String("x"))
}
