// Package redact hides known secrets (private keys, token secrets, API tokens)
// in everything the bridge prints: console output, error messages, logs, HAR.
package redact

import (
	"io"
	"sort"
	"strings"
)

// Mask is what a redacted secret is shown as.
const Mask = "[REDACTED]"

// minSecretLen keeps short values (an empty token secret, "1.0") from being
// treated as secrets: masking them would garble ordinary text.
const minSecretLen = 6

// Redactor replaces every occurrence of a known secret with Mask. A PEM secret
// is also hidden line by line and with its line breaks escaped, as it appears
// inside JSON strings, and any piece of 8 characters or more of a secret or
// of its base64, base64url, hex, percent-encoded and reversed forms
// (fragments.go) is hidden too, so a partial or encoded leak is caught.
// The zero value redacts nothing. A Redactor is safe for concurrent use once built.
type Redactor struct {
	replacer  *strings.Replacer
	fragments fragments
}

// New returns a Redactor for secrets. Empty and very short values are ignored.
func New(secrets ...string) *Redactor {
	var forms []string
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if len(s) < minSecretLen || seen[s] {
			return
		}
		seen[s] = true
		forms = append(forms, s)
	}
	for _, s := range secrets {
		add(s)
		if strings.Contains(s, "\n") {
			add(strings.ReplaceAll(s, "\n", `\n`))
			add(strings.ReplaceAll(s, "\n", `\\n`))
			for _, line := range strings.Split(s, "\n") {
				if !strings.HasPrefix(line, "-----") {
					add(line)
				}
			}
		}
	}
	if len(forms) == 0 {
		return &Redactor{}
	}
	frags := newFragments(secrets)
	// Longest first, so a whole PEM is replaced before its lines are.
	sort.Slice(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
	pairs := make([]string, 0, 2*len(forms))
	for _, f := range forms {
		pairs = append(pairs, f, Mask)
	}
	return &Redactor{replacer: strings.NewReplacer(pairs...), fragments: frags}
}

// String returns s with every secret replaced by Mask.
func (r *Redactor) String(s string) string {
	if r == nil || r.replacer == nil {
		return s
	}
	return r.fragments.mask(r.replacer.Replace(s))
}

// Writer wraps w so that what is written through it is redacted. Each Write is
// redacted on its own: callers write whole lines or documents.
func (r *Redactor) Writer(w io.Writer) io.Writer { return &writer{r: r, w: w} }

type writer struct {
	r *Redactor
	w io.Writer
}

func (w *writer) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.w, w.r.String(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
