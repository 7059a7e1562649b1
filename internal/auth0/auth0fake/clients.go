package auth0fake

import (
	"encoding/base64"
	"net/http"
	"slices"
	"strconv"
)

// EnabledClients returns the client ids the connection is enabled for.
func (s *Server) EnabledClients(id string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.enabled[id])
}

// EnableClients enables the connection for ids directly, as a test's setup.
func (s *Server) EnableClients(id string, ids ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range ids {
		if !slices.Contains(s.enabled[id], c) {
			s.enabled[id] = append(s.enabled[id], c)
		}
	}
}

// connectionClients serves GET (paged with take/from → next) and PATCH
// ([{"client_id","status"}], 1-50 items → 204) on
// /api/v2/connections/{id}/clients (docs/auth0.md "Management API" "Enabled clients"; the query
// parameter is from, not next, and a PATCH takes at most 50 clients: Management
// API reference, connections/get-connection-clients and
// connections/patch-clients).
func (s *Server) connectionClients(w http.ResponseWriter, r *http.Request, id string) {
	scopes, ok := s.auth.scopesOf(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	exists := s.find(id) != nil
	s.mu.Unlock()
	switch r.Method {
	case http.MethodGet:
		if !require(w, scopes, "read:connections") {
			return
		}
		if !exists {
			notFound(w)
			return
		}
		q := r.URL.Query()
		take := 50
		if v := q.Get("take"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 1000 {
				badRequest(w, "Query validation error: 'take' must be an integer between 1 and 1000")
				return
			}
			take = n
		}
		start := 0
		if v := q.Get("from"); v != "" {
			raw, err := base64.RawURLEncoding.DecodeString(v)
			n, err2 := strconv.Atoi(string(raw))
			if err != nil || err2 != nil || n < 0 {
				badRequest(w, "Query validation error: invalid 'from' checkpoint")
				return
			}
			start = n
		}
		s.mu.Lock()
		all := slices.Clone(s.enabled[id])
		s.mu.Unlock()
		start = min(start, len(all))
		end := min(start+take, len(all))
		items := []map[string]string{}
		for _, c := range all[start:end] {
			items = append(items, map[string]string{"client_id": c})
		}
		ans := map[string]any{"clients": items}
		if end < len(all) {
			ans["next"] = base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(end)))
		}
		writeJSON(w, http.StatusOK, ans)
	case http.MethodPatch:
		if !require(w, scopes, "update:connections") {
			return
		}
		var items []map[string]any
		if err := decodeBody(r, &items); err != nil {
			badRequest(w, "Payload validation error: 'Expected type array: "+err.Error()+"'.")
			return
		}
		if len(items) == 0 || len(items) > 50 {
			badRequest(w, "Payload validation error: 'Array must have between 1 and 50 items'.")
			return
		}
		for _, it := range items {
			cid, ok1 := it["client_id"].(string)
			_, ok2 := it["status"].(bool)
			if !ok1 || cid == "" || !ok2 || len(it) != 2 {
				badRequest(w, "Payload validation error: 'each item needs exactly client_id (string) and status (boolean)'.")
				return
			}
		}
		if !exists {
			notFound(w)
			return
		}
		s.mu.Lock()
		for _, it := range items {
			cid := it["client_id"].(string)
			on := it["status"].(bool)
			i := slices.Index(s.enabled[id], cid)
			switch {
			case on && i < 0:
				s.enabled[id] = append(s.enabled[id], cid)
			case !on && i >= 0:
				s.enabled[id] = slices.Delete(s.enabled[id], i, i+1)
			}
		}
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	default:
		writeError(w, http.StatusMethodNotAllowed, "Method Not Allowed", "Method Not Allowed", "")
	}
}
