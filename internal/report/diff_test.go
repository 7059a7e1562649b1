package report

import (
	"encoding/json"
	"errors"
	"io"
	"testing"
)

func TestDiff(t *testing.T) {
	cases := []struct {
		name, expected, actual string
		want                   []Change
	}{
		{"equal", `{"a":1,"b":"x","c":[true,null],"d":{"e":1.5}}`, `{"d":{"e":1.50},"c":[true,null],"b":"x","a":1.0}`, nil},
		{"changed string", `{"email":"a@b.c"}`, `{"email":"x@b.c"}`,
			[]Change{{Path: "email", Kind: Changed, Expected: raw(`"a@b.c"`), Actual: raw(`"x@b.c"`)}}},
		{"changed number", `{"n":1}`, `{"n":2}`, []Change{{Path: "n", Kind: Changed, Expected: raw(`1`), Actual: raw(`2`)}}},
		{"changed bool", `{"active":true}`, `{"active":false}`, []Change{{Path: "active", Kind: Changed, Expected: raw(`true`), Actual: raw(`false`)}}},
		{"type changed", `{"active":true}`, `{"active":"true"}`, []Change{{Path: "active", Kind: TypeChanged, Expected: raw(`true`), Actual: raw(`"true"`)}}},
		{"null vs value", `{"email":null}`, `{"email":"a@b.c"}`, []Change{{Path: "email", Kind: TypeChanged, Expected: raw(`null`), Actual: raw(`"a@b.c"`)}}},
		{"missing", `{"a":1,"email":"a@b.c"}`, `{"a":1}`, []Change{{Path: "email", Kind: Missing, Expected: raw(`"a@b.c"`)}}},
		{"added", `{"a":1}`, `{"a":1,"username":"fred"}`, []Change{{Path: "username", Kind: Added, Actual: raw(`"fred"`)}}},
		{"nested", `{"groups":{"size":2,"items":[{"name":"a"},{"name":"b"}]}}`, `{"groups":{"size":2,"items":[{"name":"a"},{"name":"c","x":{}}]}}`,
			[]Change{{Path: "groups.items[1].name", Kind: Changed, Expected: raw(`"b"`), Actual: raw(`"c"`)}, {Path: "groups.items[1].x", Kind: Added, Actual: raw(`{}`)}}},
		{"array longer", `{"a":[1]}`, `{"a":[1,{"b": 2}]}`, []Change{{Path: "a[1]", Kind: Added, Actual: raw(`{"b":2}`)}}},
		{"array shorter", `{"a":[1,2]}`, `{"a":[1]}`, []Change{{Path: "a[1]", Kind: Missing, Expected: raw(`2`)}}},
		{"quoted name", `{"a.b":1}`, `{}`, []Change{{Path: `["a.b"]`, Kind: Missing, Expected: raw(`1`)}}},
		{"order: expected, then added", `{"b":1,"a":1}`, `{"z":1,"a":2}`,
			[]Change{{Path: "b", Kind: Missing, Expected: raw(`1`)}, {Path: "a", Kind: Changed, Expected: raw(`1`), Actual: raw(`2`)}, {Path: "z", Kind: Added, Actual: raw(`1`)}}},
		{"root type", `{}`, `[]`, []Change{{Path: "", Kind: TypeChanged, Expected: raw(`{}`), Actual: raw(`[]`)}}},
		{"big numbers exact", `{"n":12345678901234567890}`, `{"n":12345678901234567891}`,
			[]Change{{Path: "n", Kind: Changed, Expected: raw(`12345678901234567890`), Actual: raw(`12345678901234567891`)}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Diff(raw(tc.expected), raw(tc.actual))
			if err != nil {
				t.Fatal(err)
			}
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(tc.want)
			if string(g) != string(w) {
				t.Errorf("Diff =\n %s\nwant\n %s", g, w)
			}
		})
	}
}

// A profile that is not JSON is said in the report's words with the
// decoder's reason, which stays reachable with errors.As.
func TestDiffBadJSON(t *testing.T) {
	for _, tc := range []struct{ expected, actual, want string }{
		{`{`, `{}`, "report: bad JSON: EOF"},
		{`{}`, `{"a":}`, "report: bad JSON: invalid character '}' looking for beginning of value"},
	} {
		_, err := Diff(raw(tc.expected), raw(tc.actual))
		var se *json.SyntaxError
		if err == nil || err.Error() != tc.want || !errors.As(err, &se) && !errors.Is(err, io.EOF) {
			t.Errorf("Diff(%s, %s) error = %v; want %q wrapping the decoder's error", tc.expected, tc.actual, err, tc.want)
		}
	}
}

func raw(s string) json.RawMessage { return json.RawMessage(s) }
