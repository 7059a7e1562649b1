package redact

import (
	"strconv"
	"strings"
	"sync"
)

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
type fragments []fragmentSet

// fragmentSet is a set of fragments.
type fragmentSet map[string]struct{}

// newFragments indexes the secrets' fragments. Those of long secrets (a PEM,
// its lines and their encoded forms: the same in every run of a suite) are
// built once and cached; short ones (a token secret, unique to a run) get
// their own set. Two sets at most, so mask's lookups stay cheap.
func newFragments(secrets []string) fragments {
	var long, short []string
	for _, s := range secrets {
		body := pemBody(s)
		switch {
		case len(body) < 2*fragmentLen:
		case len(body) >= minCachedBody:
			long = append(long, body)
		default:
			short = append(short, body)
		}
	}
	var f fragments
	if len(long) > 0 {
		f = append(f, cachedFragments(long))
	}
	if len(short) > 0 {
		set := make(fragmentSet, len(short)*(2*fragmentLen))
		for _, body := range short {
			addFragments(set, body)
		}
		f = append(f, set)
	}
	return f
}

// has reports whether piece is a fragment of one of the secrets.
func (f fragments) has(piece string) bool {
	for _, set := range f {
		if _, ok := set[piece]; ok {
			return true
		}
	}
	return false
}

// fragmentCache keeps the fragment sets of long secrets, keyed by the secrets.
// Bounded: when full, it starts afresh. A cached set is never modified.
var fragmentCache struct {
	sync.Mutex
	m map[string]fragmentSet
}

const (
	minCachedBody    = 48
	maxCachedSecrets = 64
)

func cachedFragments(bodies []string) fragmentSet {
	var kb strings.Builder
	n := 0
	for _, b := range bodies {
		kb.WriteString(strconv.Itoa(len(b)))
		kb.WriteByte(':')
		kb.WriteString(b)
		n += len(b)
	}
	key := kb.String()
	c := &fragmentCache
	c.Lock()
	defer c.Unlock()
	if set, ok := c.m[key]; ok {
		return set
	}
	set := make(fragmentSet, n)
	for _, b := range bodies {
		addFragments(set, b)
	}
	if c.m == nil || len(c.m) >= maxCachedSecrets {
		c.m = make(map[string]fragmentSet)
	}
	c.m[key] = set
	return set
}

func addFragments(set fragmentSet, body string) {
	for i := 0; i+fragmentLen <= len(body); i++ {
		set[body[i:i+fragmentLen]] = struct{}{}
	}
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
		if !f.has(s[i : i+fragmentLen]) {
			continue
		}
		start, end := i, i+fragmentLen
		for end < len(s) {
			if !f.has(s[end-fragmentLen+1 : end+1]) {
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
