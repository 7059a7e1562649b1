package jsondiff

import (
	"encoding/json"
	"fmt"
)

// Kind says how a field of the second document differs from the first.
type Kind string

// The kinds of change (see the package doc).
const (
	Changed     Kind = "changed"      // same type, other value
	TypeChanged Kind = "type_changed" // another JSON type
	Added       Kind = "added"        // in the second document only
	Missing     Kind = "missing"      // in the first document only
)

// Symbol is the one-character mark reports print before a change of kind k:
// "~", "!", "+" or "-".
func (k Kind) Symbol() string {
	switch k {
	case TypeChanged:
		return "!"
	case Added:
		return "+"
	case Missing:
		return "-"
	}
	return "~"
}

// Change is one difference. From is the field in the first document (nil when
// Added), To the field in the second (nil when Missing), both compact JSON.
type Change struct {
	Path string
	Keys []string // the object member names along Path, outermost first (array indices are not in it)
	Kind Kind
	From json.RawMessage
	To   json.RawMessage
}

// SyntaxError is returned for a document that is not JSON; Err is
// encoding/json's reason.
type SyntaxError struct {
	Err error
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("jsondiff: bad JSON: %v", e.Err) }

func (e *SyntaxError) Unwrap() error { return e.Err }

// TypeOf names the JSON type of doc: object, array, string, number, boolean
// or null; "?" when doc is not JSON.
func TypeOf(doc json.RawMessage) string {
	v, err := parse(doc)
	if err != nil {
		return "?"
	}
	return v.typ
}
