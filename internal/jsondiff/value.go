package jsondiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
)

// value is a decoded JSON value that keeps the order of object members, so
// that diffs follow the order of the documents.
type value struct {
	typ     string // object, array, string, number, boolean, null
	members []member
	items   []*value
	raw     json.RawMessage // compact JSON; for objects and arrays made on demand (rawJSON)
	str     string
	num     *big.Float
	boolean bool
}

type member struct {
	key string
	val *value
}

func (v *value) get(key string) (*value, bool) {
	for _, m := range v.members {
		if m.key == key {
			return m.val, true
		}
	}
	return nil, false
}

// rawJSON returns v as compact JSON, members in their order: what a Change
// shows (strings as json.Marshal writes them). Strings, objects and arrays are written only when a change needs
// them; a passing case's profiles never are.
func (v *value) rawJSON() json.RawMessage {
	if v.raw == nil {
		if v.typ == "string" {
			v.raw, _ = json.Marshal(v.str)
		} else {
			v.raw = compact(v)
		}
	}
	return v.raw
}

// parse decodes one JSON document into a value. A valid document is read
// directly from its bytes (parseBytes); an invalid one goes through the
// token decoder, whose error says what is wrong.
func parse(data []byte) (*value, error) {
	if json.Valid(data) {
		return parseBytes(data), nil
	}
	return parseTokens(data)
}

// parseTokens decodes data with json.Decoder's tokens.
func parseTokens(data []byte) (*value, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		return nil, &SyntaxError{Err: err}
	}
	return v, nil
}

func decodeValue(dec *json.Decoder) (*value, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			v := &value{typ: "object"}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				child, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				v.members = append(v.members, member{kt.(string), child})
			}
			_, err := dec.Token()
			v.raw = compact(v)
			return v, err
		}
		v := &value{typ: "array"}
		for dec.More() {
			child, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			v.items = append(v.items, child)
		}
		_, err := dec.Token()
		v.raw = compact(v)
		return v, err
	case string:
		raw, _ := json.Marshal(t)
		return &value{typ: "string", str: t, raw: raw}, nil
	case json.Number:
		f, _, err := big.ParseFloat(t.String(), 10, 256, big.ToNearestEven)
		if err != nil {
			return nil, err
		}
		return &value{typ: "number", num: f, raw: json.RawMessage(t.String())}, nil
	case bool:
		raw, _ := json.Marshal(t)
		return &value{typ: "boolean", boolean: t, raw: raw}, nil
	case nil:
		return &value{typ: "null", raw: json.RawMessage("null")}, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

// compact writes v back as compact JSON, members in their order.
func compact(v *value) json.RawMessage {
	var b bytes.Buffer
	switch v.typ {
	case "object":
		b.WriteByte('{')
		for i, m := range v.members {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(m.key)
			b.Write(k)
			b.WriteByte(':')
			b.Write(m.val.rawJSON())
		}
		b.WriteByte('}')
	case "array":
		b.WriteByte('[')
		for i, it := range v.items {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(it.rawJSON())
		}
		b.WriteByte(']')
	default:
		b.Write(v.raw)
	}
	return b.Bytes()
}
