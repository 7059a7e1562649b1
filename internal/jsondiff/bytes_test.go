package jsondiff

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// sameValue reports where a and b (parseBytes and parseTokens of one
// document) differ, or "" when they are the same tree with the same raw JSON
// at every node.
func sameValue(path string, a, b *value) string {
	switch {
	case a.typ != b.typ:
		return path + ": type " + a.typ + " vs " + b.typ
	case !bytes.Equal(a.rawJSON(), b.rawJSON()):
		return path + ": raw " + string(a.rawJSON()) + " vs " + string(b.rawJSON())
	case a.str != b.str || a.boolean != b.boolean:
		return path + ": value"
	case (a.num == nil) != (b.num == nil) || a.num != nil && a.num.Cmp(b.num) != 0:
		return path + ": number"
	case len(a.members) != len(b.members) || len(a.items) != len(b.items):
		return path + ": length"
	}
	for i := range a.members {
		if a.members[i].key != b.members[i].key {
			return path + ": key " + strconv.Quote(a.members[i].key) + " vs " + strconv.Quote(b.members[i].key)
		}
		if d := sameValue(path+"."+a.members[i].key, a.members[i].val, b.members[i].val); d != "" {
			return d
		}
	}
	for i := range a.items {
		if d := sameValue(path+"["+strconv.Itoa(i)+"]", a.items[i], b.items[i]); d != "" {
			return d
		}
	}
	return ""
}

// randomJSON writes a random JSON value: nesting, duplicate names, strings
// with escapes, HTML characters, non-ASCII and invalid UTF-8, numbers in every
// notation, and white space between tokens.
func randomJSON(rng *rand.Rand, b *strings.Builder, depth int) {
	ws := func() {
		if rng.IntN(4) == 0 {
			b.WriteString([]string{" ", "\n  ", "\t", "\r\n"}[rng.IntN(4)])
		}
	}
	strs := []string{`"a"`, `"user_id"`, `""`, `"é"`, `"\u00e9"`, `"a\"b"`, `"<&>"`, `"\ud83d\ude00"`, "\"\xff\xfe\"", `"\\n"`, `"tab\t"`, `"\/"`, `"日本"`}
	nums := []string{"0", "-0", "1", "1.0", "1e3", "-2.5E-3", "12345678901234567890", "0.1", "1E+2"}
	ws()
	switch k := rng.IntN(8); {
	case depth < 4 && k < 2:
		b.WriteByte('{')
		for i := range rng.IntN(4) {
			if i > 0 {
				b.WriteByte(',')
			}
			ws()
			b.WriteString(strs[rng.IntN(len(strs))])
			ws()
			b.WriteByte(':')
			randomJSON(rng, b, depth+1)
		}
		ws()
		b.WriteByte('}')
	case depth < 4 && k < 4:
		b.WriteByte('[')
		for i := range rng.IntN(4) {
			if i > 0 {
				b.WriteByte(',')
			}
			randomJSON(rng, b, depth+1)
		}
		ws()
		b.WriteByte(']')
	case k < 5:
		b.WriteString(strs[rng.IntN(len(strs))])
	case k < 6:
		b.WriteString(nums[rng.IntN(len(nums))])
	default:
		b.WriteString([]string{"true", "false", "null"}[rng.IntN(3)])
	}
	ws()
}

// parseBytes builds the same value as parseTokens, raw JSON included, for
// every valid document; an invalid one still gets parseTokens's error.
func TestParseBytesAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for n := range 5000 {
		var b strings.Builder
		randomJSON(rng, &b, 0)
		doc := []byte(b.String())
		want, err := parseTokens(doc)
		if err != nil {
			t.Fatalf("doc %d: parseTokens: %v\n%s", n, err, doc)
		}
		got, err := parse(doc)
		if err != nil {
			t.Fatalf("doc %d: parse: %v\n%s", n, err, doc)
		}
		if d := sameValue("$", got, want); d != "" {
			t.Fatalf("doc %d: parseBytes and parseTokens differ at %s:\n%s", n, d, doc)
		}
	}
	// Not json.Valid: parseTokens decides, with its error (or, for text
	// after the document, without one, as before): a *SyntaxError carrying
	// the decoder's reason. Text after the document is not an error ("" below).
	for _, tc := range []struct{ in, want string }{
		{`{`, "EOF"},
		{``, "EOF"},
		{`{"a":}`, "invalid character '}' looking for beginning of value"},
		{`[1,]`, "invalid character ']' looking for beginning of value"},
		{`"\x"`, "invalid character 'x' in string escape code"},
		{`{"a" 1}`, "invalid character '1' after object key"},
		{`{} {}`, ""},
	} {
		v, err := parse([]byte(tc.in))
		var got string
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("parse(%q) error %v is a %T, want *SyntaxError", tc.in, err, err)
			}
			got = se.Err.Error()
			if err.Error() != "jsondiff: bad JSON: "+got {
				t.Errorf("parse(%q) error text %q", tc.in, err.Error())
			}
		}
		if got != tc.want {
			t.Errorf("parse(%q) error = %q; want %q", tc.in, got, tc.want)
		}
		if (err == nil) != (v != nil) {
			t.Errorf("parse(%q) = %v, %v; want a value or an error", tc.in, v, err)
		}
	}
}
