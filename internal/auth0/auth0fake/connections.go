package auth0fake

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// namePattern is Auth0's connection name rule (docs/auth0.md "Management API" "Connection names").
var namePattern = regexp.MustCompile(`^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`)

// createFields and patchFields are the top-level properties each body may
// carry; anything else is a payload validation error (docs/auth0.md "Management API" "Update").
var (
	createFields = []string{"name", "strategy", "options", "display_name", "enabled_clients", "is_domain_connection", "metadata", "realms", "show_as_button"}
	patchFields  = []string{"options", "display_name", "enabled_clients", "is_domain_connection", "metadata", "realms", "show_as_button"}
)

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// newID returns con_<16 alnum> (docs/auth0.md "Management API" "Create").
func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alnum[int(b[i])%len(alnum)]
	}
	return "con_" + string(b)
}

// Seed stores a connection as if created earlier and returns its id. conn is
// a JSON object; its id, when absent, is generated.
func (s *Server) Seed(conn string) string {
	var c map[string]any
	if err := decode([]byte(conn), &c); err != nil {
		panic(fmt.Sprintf("auth0fake: Seed: %v", err))
	}
	if _, ok := c["id"]; !ok {
		c["id"] = newID()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.conns = append(s.conns, c)
	return c["id"].(string)
}

// Connection returns the stored connection with id, options included, as JSON,
// or nil.
func (s *Server) Connection(id string) json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.find(id); c != nil {
		data, _ := json.Marshal(c)
		return data
	}
	return nil
}

// Connections returns every stored connection, in creation order.
func (s *Server) Connections() []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []json.RawMessage
	for _, c := range s.conns {
		data, _ := json.Marshal(c)
		out = append(out, data)
	}
	return out
}

func (s *Server) find(id string) map[string]any {
	for _, c := range s.conns {
		if c["id"] == id {
			return c
		}
	}
	return nil
}

func decode(data []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	if err := d.Decode(v); err != nil {
		return err
	}
	if d.More() {
		return fmt.Errorf("trailing data after the JSON value")
	}
	return nil
}

// view is the connection as a token with scopes sees it: without options
// unless it may read them (docs/auth0.md "Management API" "Scopes").
func view(c map[string]any, scopes []string) map[string]any {
	v := maps.Clone(c)
	if !slices.Contains(scopes, "read:connections_options") {
		delete(v, "options")
	}
	return v
}

// connections serves GET (list) and POST (create) on /api/v2/connections.
func (s *Server) connections(w http.ResponseWriter, r *http.Request) {
	scopes, ok := s.auth.scopesOf(w, r)
	if !ok {
		return
	}
	switch r.Method {
	case http.MethodGet:
		if !require(w, scopes, "read:connections") {
			return
		}
		q := r.URL.Query()
		s.mu.Lock()
		var list []map[string]any
		for _, c := range s.conns {
			if n := q.Get("name"); n != "" && c["name"] != n {
				continue
			}
			if st := q.Get("strategy"); st != "" && c["strategy"] != st {
				continue
			}
			list = append(list, view(c, scopes))
		}
		s.mu.Unlock()
		if list == nil {
			list = []map[string]any{}
		}
		if q.Get("include_totals") == "true" {
			writeJSON(w, http.StatusOK, map[string]any{"total": len(list), "start": 0, "limit": 50, "connections": list})
			return
		}
		writeJSON(w, http.StatusOK, list)
	case http.MethodPost:
		if !require(w, scopes, "create:connections") {
			return
		}
		s.create(w, r)
	default:
		writeError(w, http.StatusMethodNotAllowed, "Method Not Allowed", "Method Not Allowed", "")
	}
}

func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	if err := decodeBody(r, &body); err != nil {
		badRequest(w, "Payload validation error: 'Invalid JSON: "+err.Error()+"'.")
		return
	}
	if extra := extraFields(body, createFields); extra != "" {
		badRequest(w, "Payload validation error: 'Additional properties not allowed: "+extra+"'.")
		return
	}
	name, _ := body["name"].(string)
	strategy, _ := body["strategy"].(string)
	switch {
	case name == "":
		badRequest(w, "Payload validation error: 'Missing required property: name'.")
		return
	case strategy == "":
		badRequest(w, "Payload validation error: 'Missing required property: strategy'.")
		return
	case len(name) > 128 || !namePattern.MatchString(name):
		badRequest(w, fmt.Sprintf("Payload validation error: 'String does not match pattern ^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$: %s' on property name.", name))
		return
	}
	if o, ok := body["options"]; ok {
		if _, isObj := o.(map[string]any); !isObj {
			badRequest(w, "Payload validation error: 'Expected type object but found type "+jsonType(o)+"' on property options.")
			return
		}
	}
	s.mu.Lock()
	for _, c := range s.conns {
		if c["name"] == name {
			s.mu.Unlock()
			writeError(w, http.StatusConflict, "Conflict", "A connection with the same name already exists", "connection_conflict")
			return
		}
	}
	c := maps.Clone(body)
	c["id"] = newID()
	if _, ok := c["options"]; !ok {
		c["options"] = map[string]any{}
	}
	c["is_domain_connection"] = false
	c["enabled_clients"] = []any{}
	c["realms"] = []any{name}
	if s.AfterWrite != nil {
		s.AfterWrite(c)
	}
	s.conns = append(s.conns, c)
	out := maps.Clone(c)
	s.mu.Unlock()
	// The create answer echoes options (docs/auth0.md "Management API" "Create").
	writeJSON(w, http.StatusCreated, out)
}

// connection serves GET and PATCH on /api/v2/connections/{id}.
func (s *Server) connection(w http.ResponseWriter, r *http.Request, id string) {
	scopes, ok := s.auth.scopesOf(w, r)
	if !ok {
		return
	}
	switch r.Method {
	case http.MethodGet:
		if !require(w, scopes, "read:connections") {
			return
		}
		s.mu.Lock()
		c := s.find(id)
		var v map[string]any
		if c != nil {
			v = view(c, scopes)
		}
		s.mu.Unlock()
		if c == nil {
			notFound(w)
			return
		}
		writeJSON(w, http.StatusOK, v)
	case http.MethodPatch:
		if !require(w, scopes, "update:connections") {
			return
		}
		s.patch(w, r, id, scopes)
	default:
		writeError(w, http.StatusMethodNotAllowed, "Method Not Allowed", "Method Not Allowed", "")
	}
}

func notFound(w http.ResponseWriter) {
	writeError(w, http.StatusNotFound, "Not Found", "The connection does not exist", "inexistent_connection")
}

func (s *Server) patch(w http.ResponseWriter, r *http.Request, id string, scopes []string) {
	var body map[string]any
	if err := decodeBody(r, &body); err != nil {
		badRequest(w, "Payload validation error: 'Invalid JSON: "+err.Error()+"'.")
		return
	}
	if extra := extraFields(body, patchFields); extra != "" {
		badRequest(w, "Payload validation error: 'Additional properties not allowed: "+extra+"'.")
		return
	}
	if o, ok := body["options"]; ok {
		if !slices.Contains(scopes, "update:connections_options") {
			insufficientScope(w, "update:connections_options")
			return
		}
		if _, isObj := o.(map[string]any); !isObj {
			badRequest(w, "Payload validation error: 'Expected type object but found type "+jsonType(o)+"' on property options.")
			return
		}
	}
	s.mu.Lock()
	c := s.find(id)
	if c == nil {
		s.mu.Unlock()
		notFound(w)
		return
	}
	// Top-level properties, options included, are replaced wholesale
	// (docs/auth0.md "Management API" "options is replaced wholesale").
	for k, v := range body {
		c[k] = v
	}
	if s.AfterWrite != nil {
		s.AfterWrite(c)
	}
	v := view(c, scopes)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, v)
}

func decodeBody(r *http.Request, v any) error {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r.Body); err != nil {
		return err
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		return fmt.Errorf("Content-Type must be application/json")
	}
	return decode(buf.Bytes(), v)
}

// extraFields lists, as Auth0 does ("strategy,name"), the properties of body
// that are not allowed; "" when there are none.
func extraFields(body map[string]any, allowed []string) string {
	var extra []string
	for k := range body {
		if !slices.Contains(allowed, k) {
			extra = append(extra, k)
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(extra)))
	return strings.Join(extra, ",")
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	}
	return "object"
}
