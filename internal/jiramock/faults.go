package jiramock

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// Endpoint names a REST endpoint of the mock that faults can target.
type Endpoint string

const (
	// EndpointSession is GET /rest/auth/1/session.
	EndpointSession Endpoint = "session"
	// EndpointUser is GET /rest/api/2/user.
	EndpointUser Endpoint = "user"
	// EndpointMyself is GET /rest/api/2/myself.
	EndpointMyself Endpoint = "myself"
)

var endpoints = []Endpoint{EndpointSession, EndpointUser, EndpointMyself, EndpointMe, EndpointResources}

// Fault overrides one REST endpoint's answer, to make a script's error paths
// testable. JSON names are the case-file names. The zero Fault
// changes nothing.
type Fault struct {
	Status      int      `json:"status,omitempty"`      // status override, e.g. 204 or 500
	Body        *string  `json:"body,omitempty"`        // raw body (HTML proxy page, truncated JSON)
	ContentType string   `json:"contentType,omitempty"` // Content-Type override
	Delay       Duration `json:"delay,omitempty"`       // "2s": wait before answering (stops when the client goes away)
	Redirect    string   `json:"redirect,omitempty"`    // 302 (or Status if 301/302/303/307) to this URL; a path is made absolute on the mock's base URL
	Drop        bool     `json:"drop,omitempty"`        // close the connection without an answer
}

// Validate reports a fault that cannot be served.
func (f Fault) Validate() error {
	if f.Status != 0 && (f.Status < 100 || f.Status > 599) {
		return fmt.Errorf("jiramock: fault status %d is not an HTTP status (100-599)", f.Status)
	}
	if f.Delay.Duration < 0 {
		return fmt.Errorf("jiramock: fault delay %s is negative", f.Delay)
	}
	if f.Redirect != "" {
		if f.Status != 0 && !isRedirectStatus(f.Status) {
			return fmt.Errorf("jiramock: fault redirect with status %d: use 301, 302, 303 or 307, or leave status out for 302", f.Status)
		}
		if f.Drop {
			return errors.New("jiramock: a fault cannot both redirect and drop the connection")
		}
	}
	return nil
}

func isRedirectStatus(s int) bool {
	return s == http.StatusMovedPermanently || s == http.StatusFound || s == http.StatusSeeOther || s == http.StatusTemporaryRedirect
}

// Describe is a short human description of the fault, for logs.
func (f Fault) Describe() string {
	var parts []string
	if f.Delay.Duration > 0 {
		parts = append(parts, "delay "+f.Delay.String())
	}
	switch {
	case f.Drop:
		parts = append(parts, "drop")
	case f.Redirect != "":
		parts = append(parts, "redirect "+f.Redirect)
	default:
		if f.Status != 0 {
			parts = append(parts, fmt.Sprintf("status %d", f.Status))
		}
		if f.Body != nil {
			parts = append(parts, fmt.Sprintf("body %d bytes", len(*f.Body)))
		}
		if f.ContentType != "" {
			parts = append(parts, "content type "+f.ContentType)
		}
	}
	return strings.Join(parts, ", ")
}

// Duration is a time.Duration written in JSON as a Go duration string, e.g.
// "200ms" or "2s".
type Duration struct{ time.Duration }

// MarshalJSON writes the duration as a string like "1.5s".
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(d.Duration.String()) }

// UnmarshalJSON reads a duration string like "200ms" or "2s".
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("jiramock: a duration is a string like \"200ms\" or \"2s\", not %s", b)
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("jiramock: bad duration %q: write it like \"200ms\" or \"2s\"", s)
	}
	if v < 0 {
		return fmt.Errorf("jiramock: duration %q is negative", s)
	}
	d.Duration = v
	return nil
}

// Faults maps each REST endpoint to its fault.
type Faults map[Endpoint]Fault

// UnmarshalJSON reads {"session": {...}, ...}, refusing unknown endpoint names
// and unknown fault fields, so that a typo cannot silently disable a fault.
func (fs *Faults) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("jiramock: faults must be an object like {\"session\": {\"status\": 500}}: %w", err)
	}
	out := make(Faults, len(raw))
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		ep := Endpoint(k)
		if !ep.valid() {
			return fmt.Errorf("jiramock: unknown fault endpoint %q: use session, user or myself", k)
		}
		dec := json.NewDecoder(bytes.NewReader(raw[k]))
		dec.DisallowUnknownFields()
		var f Fault
		if err := dec.Decode(&f); err != nil {
			return fmt.Errorf("jiramock: fault %q: %w (fields: status, body, contentType, delay, redirect, drop)", k, err)
		}
		if err := f.Validate(); err != nil {
			return fmt.Errorf("jiramock: fault %q: %s", k, strings.TrimPrefix(err.Error(), "jiramock: "))
		}
		out[ep] = f
	}
	*fs = out
	return nil
}

// Validate checks every fault and endpoint name.
func (fs Faults) Validate() error {
	for ep, f := range fs {
		if !ep.valid() {
			return fmt.Errorf("jiramock: unknown fault endpoint %q: use session, user or myself", ep)
		}
		if err := f.Validate(); err != nil {
			return fmt.Errorf("jiramock: fault %q: %w", ep, err)
		}
	}
	return nil
}

func (ep Endpoint) valid() bool {
	for _, e := range endpoints {
		if e == ep {
			return true
		}
	}
	return false
}

// answer is a REST reply before faults are applied.
type answer struct {
	status      int
	contentType string
	body        []byte
	header      http.Header
}

// serveAnswer writes a, changed by the fault f. It returns the status sent (0
// when the connection was dropped or the client went away) and a note for the
// log.
func serveAnswer(w http.ResponseWriter, r *http.Request, a answer, f Fault) (int, string) {
	note := f.Describe()
	if note != "" {
		note = "fault: " + note
	}
	if d := f.Delay.Duration; d > 0 {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return 0, note + " (client went away)"
		}
	}
	if f.Drop {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return 0, note
			}
		}
		panic(http.ErrAbortHandler) // HTTP/2 or a test recorder: abort the stream
	}
	h := w.Header()
	for k, v := range a.header {
		h[k] = v
	}
	if f.Redirect != "" {
		loc := f.Redirect
		if strings.HasPrefix(loc, "/") {
			loc = requestBase(r) + loc
		}
		status := http.StatusFound
		if f.Status != 0 {
			status = f.Status
		}
		h.Set("Location", loc)
		w.WriteHeader(status)
		return status, note
	}
	status, body, ct := a.status, a.body, a.contentType
	if f.Status != 0 {
		status = f.Status
	}
	if f.Body != nil {
		body = []byte(*f.Body)
	}
	if f.ContentType != "" {
		ct = f.ContentType
	}
	if ct != "" {
		h.Set("Content-Type", ct)
	}
	w.WriteHeader(status)
	if status != http.StatusNoContent && status != http.StatusNotModified && r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
	return status, note
}
