package jsondiff

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

type want struct {
	path     string
	kind     Kind
	from, to string // "" for none
	keys     []string
}

func TestDiff(t *testing.T) {
	fields := Options{Root: "options", SortKeys: true, Fields: true}
	cases := []struct {
		name     string
		o        Options
		from, to string
		want     []want
	}{
		{"equal: numbers by value, member order free", Options{}, `{"a":1,"b":"x","c":[true,null],"d":{"e":1.5}}`, `{"d":{"e":1.50},"c":[true,null],"b":"x","a":1.0}`, nil},
		{"changed string", Options{}, `{"email":"a@b.c"}`, `{"email":"x@b.c"}`, []want{{"email", Changed, `"a@b.c"`, `"x@b.c"`, []string{"email"}}}},
		{"changed number", Options{}, `{"n":1}`, `{"n":2}`, []want{{"n", Changed, `1`, `2`, []string{"n"}}}},
		{"big numbers exact", Options{}, `{"n":12345678901234567890}`, `{"n":12345678901234567891}`, []want{{"n", Changed, `12345678901234567890`, `12345678901234567891`, []string{"n"}}}},
		{"type changed", Options{}, `{"active":true}`, `{"active":"true"}`, []want{{"active", TypeChanged, `true`, `"true"`, []string{"active"}}}},
		{"null is a type", Options{}, `{"email":null}`, `{"email":"a@b.c"}`, []want{{"email", TypeChanged, `null`, `"a@b.c"`, []string{"email"}}}},
		{"missing and added", Options{}, `{"a":1,"m":"x"}`, `{"a":1,"n":"y"}`, []want{{"m", Missing, `"x"`, "", []string{"m"}}, {"n", Added, "", `"y"`, []string{"n"}}}},
		{"document order: first, then added", Options{}, `{"b":1,"a":1}`, `{"z":1,"a":2}`,
			[]want{{"b", Missing, `1`, "", []string{"b"}}, {"a", Changed, `1`, `2`, []string{"a"}}, {"z", Added, "", `1`, []string{"z"}}}},
		{"sorted keys", Options{SortKeys: true}, `{"b":1,"a":1}`, `{"z":1,"a":2}`,
			[]want{{"a", Changed, `1`, `2`, []string{"a"}}, {"b", Missing, `1`, "", []string{"b"}}, {"z", Added, "", `1`, []string{"z"}}}},
		{"arrays item by item", Options{}, `{"a":[1,2,3]}`, `{"a":[1,5]}`,
			[]want{{"a[1]", Changed, `2`, `5`, []string{"a"}}, {"a[2]", Missing, `3`, "", []string{"a"}}}},
		{"nested", Options{}, `{"g":{"items":[{"name":"a"},{"name":"b"}]}}`, `{"g":{"items":[{"name":"a"},{"name":"c","x":{}}]}}`,
			[]want{{"g.items[1].name", Changed, `"b"`, `"c"`, []string{"g", "items", "name"}}, {"g.items[1].x", Added, "", `{}`, []string{"g", "items", "x"}}}},
		{"an added object is one change", Options{}, `{}`, `{"o":{"a":1,"b":{"c":2}}}`, []want{{"o", Added, "", `{"a":1,"b":{"c":2}}`, []string{"o"}}}},
		{"root type", Options{}, `{}`, `[]`, []want{{"", TypeChanged, `{}`, `[]`, nil}}},
		{"root array", Options{}, `[1,{"a":1}]`, `[2,{"a":1}]`, []want{{"[0]", Changed, `1`, `2`, nil}}},

		// Paths: a dotted key is quoted, so it never reads as nesting.
		{"dotted key vs nesting", Options{}, `{"a.b":1,"a":{"b":1}}`, `{"a.b":2,"a":{"b":3}}`,
			[]want{{`["a.b"]`, Changed, `1`, `2`, []string{"a.b"}}, {"a.b", Changed, `1`, `3`, []string{"a", "b"}}}},
		{"odd keys", Options{}, `{"":1,"x y":1,"q\"":1,"$r":1,"[0]":1}`, `{}`,
			[]want{{`[""]`, Missing, `1`, "", []string{""}}, {`["x y"]`, Missing, `1`, "", []string{"x y"}}, {`["q\""]`, Missing, `1`, "", []string{`q"`}},
				{`["$r"]`, Missing, `1`, "", []string{"$r"}}, {`["[0]"]`, Missing, `1`, "", []string{"[0]"}}}},
		{"root path", Options{Root: "options"}, `{"a.b":1,"c":1}`, `{"a.b":1,"c":2}`, []want{{"options.c", Changed, `1`, `2`, []string{"c"}}}},
		{"root path, quoted key", Options{Root: "options"}, `{"a.b":1}`, `{"a.b":2}`, []want{{`options["a.b"]`, Changed, `1`, `2`, []string{"a.b"}}}},

		// Fields: one change per settable field.
		{"fields: added object member by member", fields, `{}`, `{"o":{"b":{"c":2},"a":1,"e":{}}}`,
			[]want{{"options.o.a", Added, "", `1`, []string{"o", "a"}}, {"options.o.b.c", Added, "", `2`, []string{"o", "b", "c"}}, {"options.o.e", Added, "", `{}`, []string{"o", "e"}}}},
		{"fields: missing object member by member", fields, `{"o":{"a":1}}`, `{}`, []want{{"options.o.a", Missing, `1`, "", []string{"o", "a"}}}},
		{"fields: arrays whole", fields, `{"s":["a","b"]}`, `{"s":["a","c"]}`, []want{{"options.s", Changed, `["a","b"]`, `["a","c"]`, []string{"s"}}}},
		{"fields: equal arrays", fields, `{"s":[1,{"a":[2]}]}`, `{"s":[1.0,{"a":[2]}]}`, nil},
		{"fields: object to string", fields, `{"o":{"a":1}}`, `{"o":"x"}`, []want{{"options.o", TypeChanged, `{"a":1}`, `"x"`, []string{"o"}}}},
		{"fields: union of keys, sorted", fields, `{"c":1,"a":1}`, `{"b":1,"c":2,"a":1}`,
			[]want{{"options.b", Added, "", `1`, []string{"b"}}, {"options.c", Changed, `1`, `2`, []string{"c"}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Diff(json.RawMessage(tc.from), json.RawMessage(tc.to), tc.o)
			if err != nil {
				t.Fatal(err)
			}
			var w []Change
			for _, c := range tc.want {
				ch := Change{Path: c.path, Kind: c.kind, Keys: c.keys}
				if c.from != "" {
					ch.From = json.RawMessage(c.from)
				}
				if c.to != "" {
					ch.To = json.RawMessage(c.to)
				}
				w = append(w, ch)
			}
			if !reflect.DeepEqual(got, w) {
				t.Errorf("Diff =\n %s\nwant\n %s", show(got), show(w))
			}
		})
	}
}

func show(cs []Change) string {
	b, _ := json.Marshal(cs)
	return string(b)
}

func TestDiffBadJSON(t *testing.T) {
	for _, tc := range []struct{ from, to string }{{`{`, `{}`}, {`{}`, `{"a":}`}} {
		_, err := Diff(json.RawMessage(tc.from), json.RawMessage(tc.to), Options{})
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Diff(%s, %s) error = %v; want a *SyntaxError", tc.from, tc.to, err)
		}
	}
}

func TestKindSymbol(t *testing.T) {
	for k, sym := range map[Kind]string{Changed: "~", TypeChanged: "!", Added: "+", Missing: "-"} {
		if k.Symbol() != sym {
			t.Errorf("%s.Symbol() = %q; want %q", k, k.Symbol(), sym)
		}
	}
}

func TestTypeOf(t *testing.T) {
	for doc, typ := range map[string]string{`{}`: "object", `[1]`: "array", `"x"`: "string", `1e3`: "number", `false`: "boolean", `null`: "null", `{`: "?"} {
		if got := TypeOf(json.RawMessage(doc)); got != typ {
			t.Errorf("TypeOf(%s) = %q; want %q", doc, got, typ)
		}
	}
}

func TestJoin(t *testing.T) {
	for _, tc := range []struct{ path, key, want string }{
		{"", "a", "a"}, {"a", "b", "a.b"}, {"", "a.b", `["a.b"]`}, {"x", "a.b", `x["a.b"]`}, {"", "", `[""]`}, {"a[0]", "b", "a[0].b"},
	} {
		if got := Join(tc.path, tc.key); got != tc.want {
			t.Errorf("Join(%q, %q) = %q; want %q", tc.path, tc.key, got, tc.want)
		}
	}
	if got := Index("a", 3); got != "a[3]" {
		t.Errorf("Index = %q", got)
	}
}
