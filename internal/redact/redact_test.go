package redact

import (
	"bytes"
	"encoding/json"
	"fmt"
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

// A script can print a slice of the key instead of the whole of it:
// cb(new Error(ctx.client_secret.slice(40, 120))). No run of fragmentLen (8)
// or more characters of the key may show, wherever it starts and even across
// lines.
func TestFragmentsOfTheKey(t *testing.T) {
	pem, err := os.ReadFile("../../testdata/keys/test.key")
	require.NoError(t, err)
	key := string(pem)
	r := New(key)
	body := pemBody(key)
	for _, c := range []struct{ name, leak string }{
		{"a slice inside a line", key[40:120]},
		{"a slice across lines", key[100:260]},
		{"the body on one line", body},
		{"a slice of the body", body[333:400]},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := r.String("Error: " + c.leak + " end")
			assert.Contains(t, out, Mask)
			assert.True(t, strings.HasPrefix(out, "Error: "), out)
			assert.True(t, strings.HasSuffix(out, " end"), out)
			for i := 0; i+fragmentLen <= len(body); i++ {
				require.NotContains(t, out, body[i:i+fragmentLen], "8 characters of the key leaked")
			}
		})
	}
}

func TestFragmentsKeepJSONValid(t *testing.T) {
	pem, err := os.ReadFile("../../testdata/keys/test.key")
	require.NoError(t, err)
	r := New(string(pem))
	// A JSON string holding lines of the key with their escaped line breaks.
	lines := strings.Split(string(pem), "\n")
	doc, _ := json.Marshal(map[string]string{"m": "x\n" + lines[2] + "\n" + lines[3]})
	out := r.String(string(doc))
	var back map[string]string
	require.NoError(t, json.Unmarshal([]byte(out), &back), out)
	assert.NotContains(t, back["m"], lines[2])
}

func TestFragmentsLeaveOrdinaryTextAlone(t *testing.T) {
	r := New("short", "a-token-secret-of-32-characters!")
	text := "GET /rest/api/2/user?username=fred&expand=groups 200 ok; Fred F. User <fred@example.com>"
	assert.Equal(t, text, r.String(text))
	assert.Equal(t, "x "+Mask+" y", r.String("x token-secret-of-32-ch y"))
}

// BenchmarkString redacts a 4 KiB report-sized text holding no secret, the
// common case on every line bridge prints.
func BenchmarkString(b *testing.B) {
	pem, err := os.ReadFile("../../testdata/keys/test.key")
	require.NoError(b, err)
	r := New(string(pem), "a-token-secret-of-32-characters!")
	text := strings.Repeat("ok   server/full  5.5ms  GET /rest/api/2/user?username=fred -> 200\n", 64)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r.String(text)
	}
}

// TestMemoIsNew: Memo hides exactly what New hides, for the same secrets and
// for another set, and returns the very Redactor it built for a set it has
// seen.
func TestMemoIsNew(t *testing.T) {
	key := "0123456789abcdefghijklmnopqrstuvwxyz"
	text := "a " + key + " b " + key[3:15] + " c zzzzzzzzzzzz"
	assert.Equal(t, New(key, "tok-secret").String(text), Memo(key, "tok-secret").String(text))
	assert.Same(t, Memo(key, "tok-secret"), Memo(key, "tok-secret"))
	assert.NotSame(t, Memo(key, "tok-secret"), Memo(key, "other-secret"))
	assert.Equal(t, text, Memo("unrelated-secret").String(text))
	for i := 0; i < 3*memoCap; i++ { // past its bound, it still answers rightly
		s := fmt.Sprintf("secret-number-%d", i)
		assert.Equal(t, "x "+Mask+" y", Memo(s).String("x "+s+" y"))
	}
}
