package redact

import (
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// fragmentLen is the shortest piece of a long secret that is hidden on its
// own. `bridge live`, and `bridge run` against a real JIRA, hand the real key
// to the script, which can print a slice of it rather than the whole PEM
// (`cb(new Error(ctx.client_secret.slice(40, 120)))`), or print it in chunks.
// Any run of text made of overlapping fragmentLen-byte pieces of a secret, or
// of one of its encoded forms (encodings.go: base64, base64url, hex,
// percent-encoding, reversed), is masked, so at most fragmentLen-1 characters
// of a secret can show at the edge of a piece. Eight base64 characters carry
// 48 bits: a chance match in ordinary text is rare (BenchmarkMaskNoSecret's
// text has none), though a secret's 8-character pieces are found in text
// that happens to contain them.
const fragmentLen = 8

// fragments are the window sets of the secrets that are long enough to be
// cut into pieces: at most two (a cached one for long secrets, one for the
// short ones of this Redactor), so that mask's lookups stay cheap.
type fragments []*windowSet

// newFragments indexes the secrets' fragments. Those of long secrets (a PEM,
// an API token: the same in every run of a suite) are built once and cached;
// short ones (a token secret, unique to a run) get their own set.
func newFragments(secrets []string) fragments {
	var long, short []string
	for _, s := range secrets {
		switch n := len(strings.TrimSpace(s)); {
		case n < 2*fragmentLen:
		case n >= minCachedBody:
			long = append(long, s)
		default:
			short = append(short, s)
		}
	}
	var f fragments
	if len(long) > 0 {
		f = append(f, cachedWindows(long, secrets))
	}
	if short = sources(short, secrets); len(short) > 0 {
		f = append(f, buildWindows(short))
	}
	return f
}

// sources are the secrets among some that are not an encoded form of one of
// all, as internal/script adds them (encodeURIComponent, escape, a URL
// path): their pieces are among that secret's (sliceForms).
func sources(some, all []string) []string {
	var set map[string]bool
	out := some[:0:0]
	for _, s := range some {
		if strings.Contains(s, "%") {
			if set == nil {
				set = sourceSet(all)
			}
			if derived(s, set) {
				continue
			}
		}
		if len(pemBody(s)) >= 2*fragmentLen {
			out = append(out, s)
		}
	}
	return out
}

// sourceSet holds the secrets and the lines of the multi-line ones.
func sourceSet(secrets []string) map[string]bool {
	set := make(map[string]bool, len(secrets))
	for _, s := range secrets {
		set[strings.TrimSpace(s)] = true
		if strings.Contains(s, "\n") {
			for _, line := range strings.Split(s, "\n") {
				set[strings.TrimSpace(line)] = true
			}
		}
	}
	return set
}

// derived reports whether s is a percent-encoded form (encodeURIComponent,
// escape, querystring, a URL path) of one of sources.
func derived(s string, sources map[string]bool) bool {
	if !strings.Contains(s, "%") {
		return false
	}
	for _, unescape := range []func(string) (string, error){url.PathUnescape, url.QueryUnescape} {
		if d, err := unescape(strings.TrimSpace(s)); err == nil && d != s && sources[strings.TrimSpace(d)] {
			return true
		}
	}
	return false
}

// has reports whether the fragmentLen bytes packed in w are a fragment of
// one of the secrets.
func (f fragments) has(w uint64) bool {
	for _, set := range f {
		if set.has(w) {
			return true
		}
	}
	return false
}

// windowSet is a set of fragmentLen-byte windows, each packed little-endian
// in a uint64: a sorted slice with a bitset in front of it. Most windows of
// ordinary text fail at the bitset, one multiply and one load; a sorted slice
// builds several times faster than a map.
type windowSet struct {
	bits  []uint64
	shift uint
	ws    []uint64 // sorted, no duplicates
}

const windowHash = 0x9E3779B97F4A7C15 // 2^64 / golden ratio (Fibonacci hashing)

func newWindowSet(n int) *windowSet {
	// About 16 bits per window: under 1 in 16 misses reaches the map.
	logBits := uint(10)
	for 1<<logBits < 16*n && logBits < 24 {
		logBits++
	}
	return &windowSet{bits: make([]uint64, (1<<logBits)/64), shift: 64 - logBits, ws: make([]uint64, 0, n)}
}

func (ws *windowSet) add(w uint64) {
	i := (w * windowHash) >> ws.shift
	ws.bits[i>>6] |= 1 << (i & 63)
	ws.ws = append(ws.ws, w)
}

// seal sorts the windows; has works only after it.
func (ws *windowSet) seal() {
	slices.Sort(ws.ws)
	ws.ws = slices.Compact(ws.ws)
}

func (ws *windowSet) has(w uint64) bool {
	i := (w * windowHash) >> ws.shift
	if ws.bits[i>>6]&(1<<(i&63)) == 0 {
		return false
	}
	_, ok := slices.BinarySearch(ws.ws, w)
	return ok
}

// addText adds every window of s that starts and ends on a UTF-8 boundary, so
// that a masked run never cuts a character in two.
func (ws *windowSet) addText(s string) {
	if len(s) < fragmentLen {
		return
	}
	w := pack(s)
	for i := 0; ; i++ {
		if utf8.RuneStart(s[i]) && (i+fragmentLen == len(s) || utf8.RuneStart(s[i+fragmentLen])) {
			ws.add(w)
		}
		if i+fragmentLen == len(s) {
			return
		}
		w = w>>8 | uint64(s[i+fragmentLen])<<56
	}
}

// pack is the first fragmentLen bytes of s, little-endian.
func pack(s string) uint64 {
	var w uint64
	for i := fragmentLen - 1; i >= 0; i-- {
		w = w<<8 | uint64(s[i])
	}
	return w
}

// buildWindows indexes the windows of every encoded form of the secrets.
func buildWindows(secrets []string) *windowSet {
	var forms []string
	n := 0
	for _, s := range secrets {
		for _, f := range sliceForms(s) {
			forms = append(forms, f)
			n += len(f)
		}
	}
	ws := newWindowSet(n)
	for _, f := range forms {
		ws.addText(f)
	}
	ws.seal()
	return ws
}

// windowCache keeps the window sets of long secrets, keyed by the secrets.
// Bounded: when full, it starts afresh. A cached set is never modified.
var windowCache struct {
	sync.Mutex
	m map[string]*windowSet
}

const (
	minCachedBody    = 48
	maxCachedSecrets = 64
)

// cachedWindows is the window set of the long secrets among all, built on a
// miss.
func cachedWindows(secrets, all []string) *windowSet {
	var kb strings.Builder
	for _, s := range secrets {
		kb.WriteString(strconv.Itoa(len(s)))
		kb.WriteByte(':')
		kb.WriteString(s)
	}
	key := kb.String()
	c := &windowCache
	c.Lock()
	defer c.Unlock()
	if set, ok := c.m[key]; ok {
		return set
	}
	set := buildWindows(sources(secrets, all))
	if c.m == nil || len(c.m) >= maxCachedSecrets {
		c.m = make(map[string]*windowSet)
	}
	c.m[key] = set
	return set
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
	w := pack(s)
	for i := 0; ; i++ {
		if f.has(w) {
			start, end := i, i+fragmentLen
			for end < len(s) {
				w = w>>8 | uint64(s[end])<<56
				if !f.has(w) {
					break
				}
				end++
			}
			// Never swallow the letter of a JSON escape such as \n: the
			// masked text must stay valid JSON where it was.
			if start > 0 && s[start-1] == '\\' {
				start++
			}
			switch {
			case b.Len() > 0 && start <= last: // overlaps or touches the run masked before
				last = end
			case end-start >= fragmentLen-1:
				if b.Len() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[last:start])
				b.WriteString(Mask)
				last = end
			}
			if end == len(s) {
				break
			}
			// w holds s[end-fragmentLen+1 : end+1], which is not a
			// fragment: go on from the window after it.
			i = end - fragmentLen
			continue
		}
		if i+fragmentLen == len(s) {
			break
		}
		w = w>>8 | uint64(s[i+fragmentLen])<<56
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// sliceForms are the texts whose every piece is a fragment of secret s: the
// secret without a PEM's armour and as the PEM's body on one line (a slice
// may span lines or not), each as it is, reversed, hex in both cases,
// percent-encoded (encodeURIComponent), and base64 and base64url from each
// of the three byte offsets (a slice's base64 is a piece of one of them);
// for a PEM, also the encoded forms of the whole text with its armour (a
// script encoding the whole key) and the hex of the DER bytes its body
// encodes.
func sliceForms(s string) []string {
	raw := pemText(s)
	texts := []string{raw}
	var out []string
	if body := pemBody(s); body != raw {
		texts = append(texts, body)
		out = append(out, encodedSlices(strings.TrimSpace(s))...)
		if der, err := base64.StdEncoding.DecodeString(body); err == nil {
			h := hex.EncodeToString(der)
			out = append(out, h, strings.ToUpper(h))
		}
	}
	for _, t := range texts {
		out = append(out, t, reverse(t), uriComponent(t))
		out = append(out, encodedSlices(t)...)
	}
	return out
}

// encodedSlices are t's hex, in both cases, and its base64 and base64url from
// each of the first three byte offsets.
func encodedSlices(t string) []string {
	h := hex.EncodeToString([]byte(t))
	out := []string{h, strings.ToUpper(h)}
	for k := 0; k < 3 && k < len(t); k++ {
		out = append(out, base64.StdEncoding.EncodeToString([]byte(t[k:])), base64.RawURLEncoding.EncodeToString([]byte(t[k:])))
	}
	return out
}

// pemText is s without a PEM's armour lines (-----BEGIN …-----), which are
// no secret and would mask every mention of a PEM, line breaks kept; s itself
// when it is not a PEM.
func pemText(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "-----BEGIN ") {
		return s
	}
	if i := strings.Index(s, "-----\n"); i >= 0 {
		s = s[i+len("-----\n"):]
	} else if i := strings.Index(s, "-----\r\n"); i >= 0 {
		s = s[i+len("-----\r\n"):]
	}
	if i := strings.LastIndex(s, "-----END "); i >= 0 {
		s = strings.TrimRight(s[:i], "\r\n")
	}
	return s
}

// reverse is s with its characters in reverse order.
func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// uriComponent is encodeURIComponent (ECMA-262 uriUnescaped kept, every other
// byte of the UTF-8 as %XX).
func uriComponent(s string) string {
	const keep = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
		}
	}
	return b.String()
}
