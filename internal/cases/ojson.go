package cases

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// ovalue is a JSON value that keeps its objects' key order, so that a case
// file rewritten by Update keeps the order its author chose.
type ovalue struct {
	obj    []okv           // an object, in key order (isObj)
	arr    []*ovalue       // an array (isArr)
	scalar json.RawMessage // anything else, as written
	isObj  bool
	isArr  bool
}

type okv struct {
	key string
	val *ovalue
}

func parseOrdered(data []byte) (*ovalue, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeOrdered(dec)
	if err != nil {
		return nil, err
	}
	return v, nil
}

func decodeOrdered(dec *json.Decoder) (*ovalue, error) {
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := t.(type) {
	case json.Delim:
		switch t {
		case '{':
			v := &ovalue{isObj: true, obj: []okv{}}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				val, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				v.obj = append(v.obj, okv{k.(string), val})
			}
			_, err := dec.Token()
			return v, err
		case '[':
			v := &ovalue{isArr: true, arr: []*ovalue{}}
			for dec.More() {
				val, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				v.arr = append(v.arr, val)
			}
			_, err := dec.Token()
			return v, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case json.Number:
		return &ovalue{scalar: json.RawMessage(t.String())}, nil
	default:
		return &ovalue{scalar: encodeScalar(t)}, nil
	}
}

func encodeScalar(v any) json.RawMessage {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // strings, booleans and null cannot fail
	return bytes.TrimRight(b.Bytes(), "\n")
}

func (v *ovalue) get(key string) *ovalue {
	for _, kv := range v.obj {
		if kv.key == key {
			return kv.val
		}
	}
	return nil
}

// reorder returns next with the keys of every object that old also has in
// old's order first, then the keys new to next in next's order.
func reorder(old, next *ovalue) *ovalue {
	switch {
	case old == nil:
		return next
	case old.isObj && next.isObj:
		out := &ovalue{isObj: true}
		for _, kv := range old.obj {
			if nv := next.get(kv.key); nv != nil {
				out.obj = append(out.obj, okv{kv.key, reorder(kv.val, nv)})
			}
		}
		for _, kv := range next.obj {
			if old.get(kv.key) == nil {
				out.obj = append(out.obj, kv)
			}
		}
		return out
	case old.isArr && next.isArr:
		out := &ovalue{isArr: true}
		for i, e := range next.arr {
			if i < len(old.arr) {
				e = reorder(old.arr[i], e)
			}
			out.arr = append(out.arr, e)
		}
		return out
	}
	return next
}

// write writes v as two-space indented JSON; the first line is not
// indented, the following ones start with indent.
func (v *ovalue) write(b *strings.Builder, indent string) {
	switch {
	case v.isObj:
		if len(v.obj) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, kv := range v.obj {
			b.WriteString(indent + "  ")
			b.Write(encodeScalar(kv.key))
			b.WriteString(": ")
			kv.val.write(b, indent+"  ")
			if i < len(v.obj)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case v.isArr:
		if len(v.arr) == 0 {
			b.WriteString("[]")
			return
		}
		// Arrays of scalars stay on one line, as in ["email_missing"].
		flat := true
		for _, e := range v.arr {
			flat = flat && !e.isObj && !e.isArr
		}
		if flat {
			b.WriteByte('[')
			for i, e := range v.arr {
				if i > 0 {
					b.WriteString(", ")
				}
				b.Write(e.scalar)
			}
			b.WriteByte(']')
			return
		}
		b.WriteString("[\n")
		for i, e := range v.arr {
			b.WriteString(indent + "  ")
			e.write(b, indent+"  ")
			if i < len(v.arr)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	default:
		b.Write(v.scalar)
	}
}
