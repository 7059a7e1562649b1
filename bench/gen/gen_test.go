package gen

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// The mirror is checked end to end against the shipped script by
// internal/suite's TestGeneratedSuitePasses; these tests pin its helpers to
// JavaScript's behaviour.

func TestEncodeURIComponent(t *testing.T) {
	tests := []struct{ in, want string }{
		{"fred", "fred"},
		{"jürgen.müller", "j%C3%BCrgen.m%C3%BCller"},
		{"o'brien(x)!~*", "o'brien(x)!~*"},
		{"a+b c&d=e/f?", "a%2Bb%20c%26d%3De%2Ff%3F"},
		{"🚀", "%F0%9F%9A%80"},
	}
	for _, tc := range tests {
		if got := encodeURIComponent(tc.in); got != tc.want {
			t.Errorf("encodeURIComponent(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("a", 199)
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"a \n\t b\u00a0\u00a0c\r\n", "a b c ", true},
		{strings.Repeat("x", 200), strings.Repeat("x", 200), true},
		{strings.Repeat("x", 201), strings.Repeat("x", 200) + "…", true},
		// 200 UTF-16 units, not bytes or runes: é is one unit, 🚀 two.
		{strings.Repeat("é", 201), strings.Repeat("é", 200) + "…", true},
		{long[1:] + "🚀", long[1:] + "🚀", true},
		{long + "🚀", "", false}, // the cut would split the pair
		{long + "x🚀", long + "x…", true},
	}
	for _, tc := range tests {
		got, ok := snippet(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("snippet(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestToProfile(t *testing.T) {
	tests := []struct{ name, user, id, want string }{
		{"server", `{"self":"s","key":"k","name":"fred","emailAddress":"f@x.com","avatarUrls":{"48x48":"p","16x16":"q"},"displayName":"Fred","active":true,"timeZone":"UTC","locale":"en","groups":{"size":0,"items":[]}}`,
			"fred", `{"user_id":"fred","username":"fred","email":"f@x.com","name":"Fred","groups":{"size":0,"items":[]},"picture":"p","active":true,"self":"s","timezone":"UTC","locale":"en"}`},
		{"cloud empty name, null email, no 48x48", `{"accountId":"a:1","name":"","emailAddress":null,"avatarUrls":{"16x16":"q"},"active":false}`,
			"a:1", `{"user_id":"a:1","email":null,"active":false}`},
		{"nothing", `{"accountId":"a"}`, "a", `{"user_id":"a"}`},
	}
	for _, tc := range tests {
		got, err := toProfile([]byte(tc.user), tc.id)
		if err != nil || string(got) != tc.want {
			t.Errorf("%s: toProfile = %s, %v; want %s", tc.name, got, err, tc.want)
		}
	}
}

func TestTruthy(t *testing.T) {
	for v, want := range map[string]bool{`""`: false, "null": false, "0": false, "0.0": false, "false": false,
		`"a"`: true, "1": true, "{}": true, "[]": true, "true": true} {
		if got := truthy(json.RawMessage(v)); got != want {
			t.Errorf("truthy(%s) = %v; want %v", v, got, want)
		}
	}
}

// TestGenerateDeterministic: the same seed gives the same files, another
// seed other ones, and every file is a case with an expectation.
func TestGenerateDeterministic(t *testing.T) {
	a, err := Generate(50, 1)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(50, 1)
	c, _ := Generate(50, 2)
	same, other := true, false
	for i := range a {
		same = same && a[i].Name == b[i].Name && bytes.Equal(a[i].Data, b[i].Data)
		other = other || !bytes.Equal(a[i].Data, c[i].Data)
		var cf caseFile
		if err := json.Unmarshal(a[i].Data, &cf); err != nil || (cf.Expect.Profile == nil) == (cf.Expect.Error == nil) {
			t.Errorf("%s: %v, expect %+v", a[i].Name, err, cf.Expect)
		}
	}
	if !same || !other {
		t.Errorf("same seed same files: %v; other seed other files: %v", same, other)
	}
}

func TestWriteRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, 3, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, 3, 1); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("second Write into %s: %v; want a not-empty error", dir, err)
	}
}
