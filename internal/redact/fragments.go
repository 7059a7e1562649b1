package redact

import "strings"

// fragmentLen is the shortest piece of a long secret that is hidden on its
// own. A script can print a slice of ctx.client_secret, not the whole PEM:
// `cb(new Error(ctx.client_secret.slice(40, 120)))`. Any run of text made of
// overlapping fragmentLen-character pieces of a secret is masked, so at most
// fragmentLen-1 characters of a secret can show at the edge of a line. Sixteen
// base64 characters carry 96 bits: a chance match in ordinary text is not a
// practical concern.
const fragmentLen = 16

// fragments indexes every fragmentLen-long substring of the long secrets. A
// PEM is indexed by its base64 body with the line breaks taken out, so a slice
// that spans lines is caught too.
type fragments map[string]struct{}

func newFragments(secrets []string) fragments {
	f := fragments{}
	for _, s := range secrets {
		body := pemBody(s)
		if len(body) < 2*fragmentLen {
			continue
		}
		for i := 0; i+fragmentLen <= len(body); i++ {
			f[body[i:i+fragmentLen]] = struct{}{}
		}
	}
	if len(f) == 0 {
		return nil
	}
	return f
}

// pemBody is a PEM's base64 body on one line, or s itself when s is not a PEM.
func pemBody(s string) string {
	if !strings.Contains(s, "-----BEGIN ") {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "-----") || strings.Contains(line, ":") {
			continue // armour and PEM headers such as Proc-Type
		}
		b.WriteString(line)
	}
	return b.String()
}

// mask replaces every run of text covered by known fragments with Mask.
func (f fragments) mask(s string) string {
	if f == nil || len(s) < fragmentLen {
		return s
	}
	var b strings.Builder
	last := 0 // s[:last] is written
	for i := 0; i+fragmentLen <= len(s); i++ {
		if _, ok := f[s[i:i+fragmentLen]]; !ok {
			continue
		}
		start, end := i, i+fragmentLen
		for end < len(s) {
			if _, ok := f[s[end-fragmentLen+1:end+1]]; !ok {
				break
			}
			end++
		}
		// Never swallow the letter of a JSON escape such as \n: the masked
		// text must stay valid JSON where it was.
		if start > 0 && s[start-1] == '\\' {
			start++
		}
		if end-start >= fragmentLen {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:start])
			b.WriteString(Mask)
			last = end
		}
		i = end - 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
