package cases

import (
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/jiramock"
)

// node describes which fields an object in a case file may have. A nil node
// accepts anything below it (user objects, expected profiles).
type node struct {
	fields map[string]*node
}

// schema is the case file format; see doc.go.
var schema = &node{fields: map[string]*node{
	"description": nil,
	"flavor":      nil,
	"protocol":    nil,
	"token":       {fields: map[string]*node{"scopes": nil, "expiresIn": nil}},
	"user":        nil,
	"faults": {fields: map[string]*node{
		string(jiramock.EndpointSession):   faultNode(),
		string(jiramock.EndpointUser):      faultNode(),
		string(jiramock.EndpointMyself):    faultNode(),
		string(jiramock.EndpointMe):        faultNode(),
		string(jiramock.EndpointResources): faultNode(),
	}},
	"timeout": nil,
	"expect": {fields: map[string]*node{
		"profile":  nil,
		"error":    {fields: map[string]*node{"kind": nil, "message": nil}},
		"match":    nil,
		"warnings": nil,
	}},
}}

// faultNode lists the JSON names of jiramock.Fault, so that the case format
// follows the mock's fault type.
func faultNode() *node {
	n := &node{fields: map[string]*node{}}
	t := reflect.TypeOf(jiramock.Fault{})
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			n.fields[name] = nil
		}
	}
	return n
}

func (n *node) names() string {
	var ns []string
	for k := range n.fields {
		ns = append(ns, strconv.Quote(k))
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}

// scanner walks a case file token by token, checks field names against the
// schema and records where each field's value starts, so that later errors can
// point at it.
type scanner struct {
	file string
	data []byte
	dec  *json.Decoder
	pos  map[string]int64 // field path ("expect.error.kind") -> offset of its value
}

// scan checks the syntax and field names of data and returns the offsets of
// the values by field path.
func scan(file string, data []byte) (map[string]int64, *Error) {
	s := &scanner{file: file, data: data, dec: json.NewDecoder(strings.NewReader(string(data))), pos: map[string]int64{}}
	start := s.next()
	if start >= int64(len(data)) {
		return nil, &Error{File: file, Message: "the file is empty: a case file holds one JSON object (see `bridge test --help`)"}
	}
	if data[start] != '{' {
		return nil, errAt(file, data, start, "a case file holds one JSON object, starting with '{'")
	}
	if err := s.value("", schema); err != nil {
		return nil, err
	}
	if end := s.next(); end < int64(len(data)) {
		return nil, errAt(file, data, end, "extra text after the case object: a case file holds exactly one JSON object")
	}
	return s.pos, nil
}

// next returns the offset of the next token, past white space, ',' and ':'.
func (s *scanner) next() int64 {
	off := s.dec.InputOffset()
	for off < int64(len(s.data)) && strings.IndexByte(" \t\r\n,:", s.data[off]) >= 0 {
		off++
	}
	return off
}

func (s *scanner) token() (json.Token, *Error) {
	tok, err := s.dec.Token()
	if err == nil {
		return tok, nil
	}
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return nil, errAt(s.file, s.data, se.Offset, "malformed JSON: %s: look for a missing or extra comma, quote or bracket here",
			strings.TrimPrefix(se.Error(), "json: "))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return nil, errAt(s.file, s.data, int64(len(s.data)), "malformed JSON: the file ends early: a closing '}' or ']' is missing")
	}
	return nil, errAt(s.file, s.data, s.dec.InputOffset(), "malformed JSON: %v", err)
}

// value reads one value at path; n says which fields its objects may have
// (nil: any).
func (s *scanner) value(path string, n *node) *Error {
	tok, err := s.token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for s.dec.More() {
			keyOff := s.next()
			tok, err := s.token()
			if err != nil {
				return err
			}
			key, _ := tok.(string)
			if n == nil {
				// Free-form (user objects, profiles): no field below is ever
				// looked up, so no path is built; the walk stays linear.
				if err := s.value("", nil); err != nil {
					return err
				}
				continue
			}
			field := key
			if path != "" {
				field = path + "." + key
			}
			child, known := n.fields[key]
			if !known {
				where := "here"
				if path != "" {
					where = "in " + strconv.Quote(path)
				}
				return errAt(s.file, s.data, keyOff, "unknown field %q %s: the fields are %s", key, where, n.names())
			}
			if seen[key] {
				return errAt(s.file, s.data, keyOff, "field %q appears twice: keep one", field)
			}
			seen[key] = true
			s.pos[field] = s.next()
			if err := s.value(field, child); err != nil {
				return err
			}
		}
		if _, err := s.token(); err != nil { // '}'
			return err
		}
	case json.Delim('['):
		for s.dec.More() {
			if err := s.value("", nil); err != nil {
				return err
			}
		}
		if _, err := s.token(); err != nil { // ']'
			return err
		}
	}
	return nil
}
