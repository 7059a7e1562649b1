package report

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jira-auth0-bridge/bridge/internal/jsondiff"
)

// ChangeKind says how a field of the actual profile differs from the expected
// one: jsondiff's vocabulary (~ changed, ! type changed, + added, - missing).
type ChangeKind = jsondiff.Kind

// The kinds of change.
const (
	Added       = jsondiff.Added       // in the actual profile only
	Missing     = jsondiff.Missing     // in the expected profile only
	Changed     = jsondiff.Changed     // same type, other value
	TypeChanged = jsondiff.TypeChanged // another JSON type
)

// Change is one difference between the expected and the actual profile. Path
// names the field like "groups.items[0].name", a member whose name is not a
// plain identifier in brackets (["a.b"]); the root is "" (jsondiff's paths).
type Change struct {
	Path     string          `json:"path"`
	Kind     ChangeKind      `json:"kind"`
	Expected json.RawMessage `json:"expected,omitempty"`
	Actual   json.RawMessage `json:"actual,omitempty"`
}

// Diff compares two JSON documents field by field with jsondiff: every field,
// type and value must match (numbers by value, so 1 and 1.0 are equal; object
// member order does not matter). Changes come in document order: the expected
// document's fields, then fields only the actual one has.
func Diff(expected, actual json.RawMessage) ([]Change, error) {
	cs, err := jsondiff.Diff(expected, actual, jsondiff.Options{})
	if err != nil {
		var se *jsondiff.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("report: bad JSON: %w", se.Err)
		}
		return nil, err
	}
	if len(cs) == 0 {
		return nil, nil
	}
	out := make([]Change, len(cs))
	for i, c := range cs {
		out[i] = Change{Path: c.Path, Kind: c.Kind, Expected: c.From, Actual: c.To}
	}
	return out, nil
}
