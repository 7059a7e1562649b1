package nodediff

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Result is what one snippet did: returned Value (JSON; Undefined when it
// returned undefined), or threw Error.
type Result struct {
	Value     json.RawMessage `json:"value,omitempty"`
	Undefined bool            `json:"undefined,omitempty"`
	Error     *Error          `json:"error,omitempty"`
}

// Error is a thrown value as V8 shows it: e.name and e.message of an Error;
// for a thrown non-Error, Name is "" and Message is String(value).
type Error struct {
	Name    string `json:"name"`
	Message string `json:"message"`
}

// Equal reports whether r and o are the same outcome: the same JSON value
// (compared after compacting), or the same error name and message.
func (r Result) Equal(o Result) bool {
	switch {
	case r.Error != nil || o.Error != nil:
		return r.Error != nil && o.Error != nil && *r.Error == *o.Error
	case r.Undefined || o.Undefined:
		return r.Undefined == o.Undefined
	}
	var a, b bytes.Buffer
	if json.Compact(&a, r.Value) != nil || json.Compact(&b, o.Value) != nil {
		return bytes.Equal(r.Value, o.Value)
	}
	return bytes.Equal(a.Bytes(), b.Bytes())
}

// String is the outcome for a test message: the JSON value, "undefined", or
// "Name: message".
func (r Result) String() string {
	switch {
	case r.Error != nil && r.Error.Name == "":
		return "throws " + r.Error.Message
	case r.Error != nil:
		return fmt.Sprintf("throws %s: %s", r.Error.Name, r.Error.Message)
	case r.Undefined:
		return "undefined"
	}
	return string(r.Value)
}
