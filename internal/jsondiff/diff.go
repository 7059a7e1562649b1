package jsondiff

import (
	"encoding/json"
	"slices"
	"sort"
)

// Options choose the walk; the zero value is the profile comparison of the
// report.
type Options struct {
	// Root is the path of the documents themselves, e.g. "options"; "" by
	// default.
	Root string
	// SortKeys walks object members in key order over the keys of both
	// documents. Without it the walk follows the documents: the first one's
	// members in their order, then the members only the second one has.
	SortKeys bool
	// Fields reports changes as settable fields, as a PATCH of a connection's
	// options sees them: an object only one document has is listed member by
	// member (an empty one as itself), and arrays are compared whole, so a
	// changed array is one Changed with both arrays. Without it an object only
	// one side has is one change, and arrays are compared item by item.
	Fields bool
}

// Diff compares two JSON documents (see the package doc for equality, kinds
// and paths). An invalid document gives a *SyntaxError.
func Diff(from, to json.RawMessage, o Options) ([]Change, error) {
	f, err := parse(from)
	if err != nil {
		return nil, err
	}
	t, err := parse(to)
	if err != nil {
		return nil, err
	}
	d := differ{o: o}
	d.value(o.Root, f, t)
	return d.out, nil
}

type differ struct {
	o    Options
	out  []Change
	keys []string // the member names down to the value being compared
}

func (d *differ) add(path string, k Kind, f, t *value) {
	c := Change{Path: path, Kind: k}
	if len(d.keys) > 0 {
		c.Keys = slices.Clone(d.keys)
	}
	if f != nil {
		c.From = f.rawJSON()
	}
	if t != nil {
		c.To = t.rawJSON()
	}
	d.out = append(d.out, c)
}

// value compares f and t, both present, at path.
func (d *differ) value(path string, f, t *value) {
	switch {
	case f.typ != t.typ:
		d.add(path, TypeChanged, f, t)
	case f.typ == "object":
		d.object(path, f, t)
	case f.typ == "array" && d.o.Fields:
		if !equal(f, t) {
			d.add(path, Changed, f, t)
		}
	case f.typ == "array":
		for i := 0; i < len(f.items) || i < len(t.items); i++ {
			p := Index(path, i)
			switch {
			case i >= len(t.items):
				d.add(p, Missing, f.items[i], nil)
			case i >= len(f.items):
				d.add(p, Added, nil, t.items[i])
			default:
				d.value(p, f.items[i], t.items[i])
			}
		}
	case !equal(f, t):
		d.add(path, Changed, f, t)
	}
}

// object compares the members of two objects.
func (d *differ) object(path string, f, t *value) {
	if d.o.SortKeys {
		for _, k := range unionKeys(f, t) {
			fv, inF := f.get(k)
			tv, inT := t.get(k)
			d.member(path, k, fv, tv, inF, inT)
		}
		return
	}
	for _, m := range f.members {
		tv, inT := t.get(m.key)
		d.member(path, m.key, m.val, tv, true, inT)
	}
	for _, m := range t.members {
		if _, inF := f.get(m.key); !inF {
			d.member(path, m.key, nil, m.val, false, true)
		}
	}
}

// member compares the member k, which at least one side has.
func (d *differ) member(path string, k string, f, t *value, inF, inT bool) {
	p := Join(path, k)
	d.keys = append(d.keys, k)
	defer func() { d.keys = d.keys[:len(d.keys)-1] }()
	switch {
	case inF && inT:
		d.value(p, f, t)
	case !inF && d.o.Fields && t.typ == "object" && len(t.members) > 0:
		d.object(p, &value{typ: "object"}, t)
	case !inF:
		d.add(p, Added, nil, t)
	case d.o.Fields && f.typ == "object" && len(f.members) > 0:
		d.object(p, f, &value{typ: "object"})
	default:
		d.add(p, Missing, f, nil)
	}
}

// unionKeys returns the member names of a and b, sorted, each once.
func unionKeys(a, b *value) []string {
	seen := make(map[string]bool, len(a.members)+len(b.members))
	var keys []string
	for _, v := range []*value{a, b} {
		for _, m := range v.members {
			if !seen[m.key] {
				seen[m.key] = true
				keys = append(keys, m.key)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// equal reports whether a and b are the same JSON value (see the package doc).
func equal(a, b *value) bool {
	if a.typ != b.typ {
		return false
	}
	switch a.typ {
	case "object":
		if len(a.members) != len(b.members) {
			return false
		}
		for _, m := range a.members {
			bv, ok := b.get(m.key)
			if !ok || !equal(m.val, bv) {
				return false
			}
		}
		return true
	case "array":
		if len(a.items) != len(b.items) {
			return false
		}
		for i := range a.items {
			if !equal(a.items[i], b.items[i]) {
				return false
			}
		}
		return true
	case "string":
		return a.str == b.str
	case "number":
		return a.num.Cmp(b.num) == 0
	case "boolean":
		return a.boolean == b.boolean
	}
	return true // null
}
