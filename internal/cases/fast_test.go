package cases

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sameCase reports whether a and b are the same case, field by field.
func sameCase(a, b *Case) bool {
	if a.Name != b.Name || a.File != b.File || a.Description != b.Description || a.Flavor != b.Flavor ||
		a.Timeout != b.Timeout || !reflect.DeepEqual(a.User, b.User) || !reflect.DeepEqual(a.Faults, b.Faults) ||
		!bytes.Equal(a.Expect.Profile, b.Expect.Profile) || (a.Expect.Error == nil) != (b.Expect.Error == nil) {
		return false
	}
	if a.Expect.Error != nil {
		ea, _ := json.Marshal(a.Expect.Error)
		eb, _ := json.Marshal(b.Expect.Error)
		return bytes.Equal(ea, eb)
	}
	return true
}

// checkAgrees fails t unless parseFast accepts data only when parseLocated
// (the position scanner, the reference) accepts it, with the same case.
func checkAgrees(t *testing.T, label string, data []byte) (fastAccepted bool) {
	t.Helper()
	fast := parseFast("c", "c.json", data)
	slow, err := parseLocated("c", "c.json", data)
	switch {
	case fast != nil && err != nil:
		t.Errorf("%s: parseFast accepts what parseLocated refuses (%v):\n%s", label, err, data)
	case fast != nil && !sameCase(fast, slow):
		t.Errorf("%s: parseFast and parseLocated disagree:\n%+v\n%+v", label, fast, slow)
	}
	return fast != nil
}

// The fast path never accepts a file the position scanner refuses, and builds
// the same case from a good one; and it does take the good files, or it would
// be no faster.
func TestParseFastAgrees(t *testing.T) {
	var good [][]byte
	for _, dir := range []string{"../../testdata/cases", "../../testdata/cases-seed"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
				return err
			}
			data, err := os.ReadFile(p)
			good = append(good, data)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(good) < 17 {
		t.Fatalf("%d case files; want the default and seed suites", len(good))
	}
	for i, data := range good {
		if !checkAgrees(t, "good file", data) {
			t.Errorf("good file %d: parseFast refused it:\n%s", i, data)
		}
	}

	tricky := []string{
		`{"us\u0065r":` + fredUser + `,"expect":{"error":{"kind":"timeout"}}}`, // an escaped name
		`{"User":` + fredUser + `,"expect":{"error":{"kind":"timeout"}}}`,      // json.Unmarshal ignores case; scan does not
		`{"user":` + fredUser + `,"expect":{"error":{"kind":"timeout"}}},`,     // a trailing comma
		`{"user":` + fredUser + `,"expect":{"error":{"kind":"timeout"}}} {}`,   // a second object
		`null`, `[]`, `"x"`, ` `, ``,
		`{"user":` + fredUser + `,"user":` + fredUser + `,"expect":{"error":{"kind":"timeout"}}}`,
		`{"user":{"name":"fred","name":"fred","key":"fred"},"expect":{"profile":{"a":1,"a":2}}}`, // duplicates where anything goes
		`{"user":` + fredUser + `,"faults":{"user":{"status":500,"status":500}},"expect":{"error":{"kind":"timeout"}}}`,
		`{"user":` + fredUser + `,"faults":[{"stauts":1}],"expect":{"error":{"kind":"timeout"}}}`,
		`{"user":` + fredUser + `,"faults":{"user":{"body":"}\"{"}},"expect":{"error":{"kind":"timeout"}}}`,
		`{"user":` + fredUser + `,"expect":{"error":{"kind":"timeout","message":"a\\\"b"}},"description":"x"}`,
		"{\n\t\"user\" :\r\n " + fredUser + " ,\"expect\" : { \"error\" : { \"kind\" : \"timeout\" } } }\n",
	}
	for _, s := range tricky {
		checkAgrees(t, "tricky", []byte(s))
	}

	// Random damage to good files: a byte deleted, doubled or replaced by
	// one of JSON's own characters.
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = `{}[]",:\ 0a-`
	for range 3000 {
		data := bytes.Clone(good[rng.IntN(len(good))])
		at := rng.IntN(len(data))
		switch rng.IntN(3) {
		case 0:
			data = append(data[:at], data[at+1:]...)
		case 1:
			data = append(data[:at+1], data[at:]...)
		default:
			data[at] = alphabet[rng.IntN(len(alphabet))]
		}
		checkAgrees(t, "damaged", data)
	}
}
