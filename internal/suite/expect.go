package suite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/jira-auth0-bridge/bridge/internal/profile"
)

// subsetOf returns the fields of actual that expected lists, in actual's
// order: what a "match": "subset" expectation is compared with. A field the
// script did not return stays absent, so the diff reports it missing.
func subsetOf(expected, actual json.RawMessage) (json.RawMessage, error) {
	var want map[string]json.RawMessage
	if err := json.Unmarshal(expected, &want); err != nil {
		return nil, fmt.Errorf("the expected profile: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(actual))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return actual, nil // not an object: compared whole, the diff says so
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		if _, ok := want[key]; !ok {
			continue
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// failingFindings are the findings that fail a case: every error, and under
// strict the warnings whose rule the case does not list in expect.warnings.
func failingFindings(fs []profile.Finding, expected []string, strict bool) int {
	n := 0
	for _, f := range fs {
		switch {
		case f.Severity == profile.SeverityError:
			n++
		case strict && !slices.Contains(expected, f.Rule):
			n++
		}
	}
	return n
}

// missingWarnings are the rules of expect.warnings that no finding has: an
// expectation that no longer holds.
func missingWarnings(fs []profile.Finding, expected []string) []string {
	var missing []string
	for _, rule := range expected {
		if !slices.ContainsFunc(fs, func(f profile.Finding) bool { return f.Rule == rule && f.Severity == profile.SeverityWarning }) {
			missing = append(missing, rule)
		}
	}
	return missing
}
