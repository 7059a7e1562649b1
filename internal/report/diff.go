package report

import (
	"encoding/json"
	"strconv"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
)

// ChangeKind says how a field of the actual profile differs from the expected
// one.
type ChangeKind string

// The kinds of change.
const (
	Added       ChangeKind = "added"        // in the actual profile only
	Missing     ChangeKind = "missing"      // in the expected profile only
	Changed     ChangeKind = "changed"      // same type, other value
	TypeChanged ChangeKind = "type_changed" // another JSON type
)

// Change is one difference between the expected and the actual profile. Path
// names the field like "groups.items[0].name"; the root is "".
type Change struct {
	Path     string          `json:"path"`
	Kind     ChangeKind      `json:"kind"`
	Expected json.RawMessage `json:"expected,omitempty"`
	Actual   json.RawMessage `json:"actual,omitempty"`
}

// Diff compares two JSON documents field by field: every field, type and value
// must match (numbers by value, so 1 and 1.0 are equal; object member order
// does not matter). Changes come in document order: the expected document's
// fields, then fields only the actual one has.
func Diff(expected, actual json.RawMessage) ([]Change, error) {
	e, err := parse(expected)
	if err != nil {
		return nil, err
	}
	a, err := parse(actual)
	if err != nil {
		return nil, err
	}
	var out []Change
	diff("", e, a, &out)
	return out, nil
}

func diff(path string, e, a *value, out *[]Change) {
	if e.typ != a.typ {
		*out = append(*out, Change{Path: path, Kind: TypeChanged, Expected: e.rawJSON(), Actual: a.rawJSON()})
		return
	}
	switch e.typ {
	case "object":
		for _, m := range e.members {
			p := profile.Join(path, m.key)
			if av, ok := a.get(m.key); ok {
				diff(p, m.val, av, out)
			} else {
				*out = append(*out, Change{Path: p, Kind: Missing, Expected: m.val.rawJSON()})
			}
		}
		for _, m := range a.members {
			if _, ok := e.get(m.key); !ok {
				*out = append(*out, Change{Path: profile.Join(path, m.key), Kind: Added, Actual: m.val.rawJSON()})
			}
		}
	case "array":
		for i := 0; i < len(e.items) || i < len(a.items); i++ {
			p := path + "[" + strconv.Itoa(i) + "]"
			switch {
			case i >= len(a.items):
				*out = append(*out, Change{Path: p, Kind: Missing, Expected: e.items[i].rawJSON()})
			case i >= len(e.items):
				*out = append(*out, Change{Path: p, Kind: Added, Actual: a.items[i].rawJSON()})
			default:
				diff(p, e.items[i], a.items[i], out)
			}
		}
	case "string":
		if e.str != a.str {
			*out = append(*out, Change{Path: path, Kind: Changed, Expected: e.rawJSON(), Actual: a.rawJSON()})
		}
	case "number":
		if e.num.Cmp(a.num) != 0 {
			*out = append(*out, Change{Path: path, Kind: Changed, Expected: e.rawJSON(), Actual: a.rawJSON()})
		}
	case "boolean":
		if e.boolean != a.boolean {
			*out = append(*out, Change{Path: path, Kind: Changed, Expected: e.rawJSON(), Actual: a.rawJSON()})
		}
	}
}
