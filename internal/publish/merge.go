package publish

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/jira-auth0-bridge/bridge/internal/jsondiff"
	"github.com/jira-auth0-bridge/bridge/internal/redact"
)

// decodeObject decodes a JSON object keeping numbers exact (json.Number), so
// that settings on the tenant survive a round trip unchanged.
func decodeObject(data []byte) (map[string]any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, fmt.Errorf("not a JSON object")
	}
	return m, nil
}

// encode marshals v without HTML escaping (a script's && stays readable).
func encode(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("publish: encoding decoded JSON: " + err.Error())
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// Merge returns the options to store: existing with update merged onto it.
// Objects merge key by key, recursively (so options.scripts keeps scripts
// bridge does not set); any other value in update replaces the existing one.
// Keys only in existing survive: PATCH replaces options wholesale (docs/auth0.md
// "Management API"), so whatever is not sent is lost. Neither argument is modified.
func Merge(existing, update map[string]any) map[string]any {
	out := deepCopy(existing).(map[string]any)
	for k, v := range update {
		if sub, ok := v.(map[string]any); ok {
			if old, ok := out[k].(map[string]any); ok {
				out[k] = Merge(old, sub)
				continue
			}
		}
		out[k] = deepCopy(v)
	}
	return out
}

func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = deepCopy(x)
		}
		return m
	case []any:
		s := make([]any, len(t))
		for i, x := range t {
			s[i] = deepCopy(x)
		}
		return s
	}
	return v
}

// Change is one field of the options that differs between the tenant and the
// publish. Old and New are JSON; secrets are masked. Kind is jsondiff's
// vocabulary: added, missing, changed, type_changed.
type Change struct {
	Path string          `json:"path"` // e.g. options.scripts.fetchUserProfile; odd names quoted: options["a.b"]
	Kind jsondiff.Kind   `json:"kind"`
	Old  json.RawMessage `json:"old,omitempty"`
	New  json.RawMessage `json:"new,omitempty"`
}

// Diff compares the options before and after field by field with jsondiff, in
// key order, one change per settable field (jsondiff.Options.Fields: objects
// only one side has are listed member by member, arrays compared whole).
// Values under a key naming a secret are masked; every value is also passed
// through r.
func Diff(before, after map[string]any, r *redact.Redactor) []Change {
	cs, err := jsondiff.Diff(encode(before), encode(after), jsondiff.Options{Root: "options", SortKeys: true, Fields: true})
	if err != nil {
		panic("publish: diffing encoded JSON: " + err.Error())
	}
	var out []Change
	for _, c := range cs {
		secret := slices.ContainsFunc(c.Keys, isSecretKey)
		out = append(out, Change{Path: c.Path, Kind: c.Kind, Old: shown(c.From, secret, r), New: shown(c.To, secret, r)})
	}
	return out
}

// isSecretKey: option names holding secrets. Besides bridge's client_secret
// (and the guide's consumerSecret, go-auth0's consumer_secret), the tenant's
// own options may hold credentials bridge never set, e.g. an Authorization
// or API key among customHeaders (docs/auth0.md "Management API" "Other options"); a dry run
// prints the whole merged options, so those are masked too. Names ending in
// URL or URI (requestTokenURL, userAuthorizationURL) are URLs, not secrets.
func isSecretKey(k string) bool {
	k = strings.ToLower(k)
	if strings.HasSuffix(k, "url") || strings.HasSuffix(k, "uri") {
		return false
	}
	for _, w := range []string{"secret", "password", "passwd", "authorization", "cookie", "apikey", "api_key", "api-key", "private"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return strings.HasSuffix(k, "token") || strings.HasSuffix(k, "_token") || k == "x-api-key"
}

// shown is a value of a change as printed: nil stays nil (the side that has
// no value), a secret is the mask, anything else is written as encode writes
// it (no HTML escaping, members sorted) and redacted.
func shown(raw json.RawMessage, secret bool, r *redact.Redactor) json.RawMessage {
	switch {
	case raw == nil:
		return nil
	case secret:
		return encode(redact.Mask)
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		panic("publish: decoding diffed JSON: " + err.Error())
	}
	return json.RawMessage(r.String(string(encode(v))))
}

// equalJSON compares decoded JSON values; numbers compare by their text.
func equalJSON(a, b any) bool { return reflect.DeepEqual(a, b) }

// maskSecrets returns a copy of v with every value under a secret-named key
// replaced by the mask, for dry-run requests.
func maskSecrets(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := maps.Clone(t)
		for k, x := range m {
			if isSecretKey(k) {
				m[k] = redact.Mask
			} else {
				m[k] = maskSecrets(x)
			}
		}
		return m
	case []any:
		s := make([]any, len(t))
		for i, x := range t {
			s[i] = maskSecrets(x)
		}
		return s
	}
	return v
}

// String renders a change for people: one line, long strings summarised.
func (c Change) String() string {
	sym := c.Kind.Symbol()
	switch c.Kind {
	case jsondiff.Added:
		return sym + " " + c.Path + " = " + summary(c.New)
	case jsondiff.Missing:
		return sym + " " + c.Path + " (was " + summary(c.Old) + ")"
	}
	if old, nw, ok := multiline(c.Old, c.New); ok {
		return sym + " " + c.Path + ": " + lineDiff(old, nw)
	}
	return sym + " " + c.Path + ": " + summary(c.Old) + " -> " + summary(c.New)
}

func summary(v json.RawMessage) string {
	s := string(v)
	var str string
	if json.Unmarshal(v, &str) == nil && (len(str) > 80 || strings.Contains(str, "\n")) {
		return fmt.Sprintf("(%d characters, %d lines)", len(str), strings.Count(str, "\n")+1)
	}
	return s
}

func multiline(a, b json.RawMessage) (string, string, bool) {
	var x, y string
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return "", "", false
	}
	if !strings.Contains(x, "\n") && !strings.Contains(y, "\n") && len(x) <= 80 && len(y) <= 80 {
		return "", "", false
	}
	return x, y, true
}

// lineDiff says where two long strings (scripts) first differ.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	i := 0
	for i < len(al) && i < len(bl) && al[i] == bl[i] {
		i++
	}
	return fmt.Sprintf("changed (%d -> %d lines; first difference at line %d)", len(al), len(bl), i+1)
}
