package jiramock

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The reference: net.oauth's OAuthMessage.AUTHORIZATION and NVP patterns and
// its `\s*,\s*` split, as the Go regexps appendAuthHeader used before the
// scanners of authparse.go replaced them on the hot path.
var (
	refScheme = regexp.MustCompile(`^\s*(\w*)\s+(.*)$`)
	refPair   = regexp.MustCompile(`^(\S*)\s*=\s*"([^"]*)"$`)
	refSplit  = regexp.MustCompile(`\s*,\s*`)
)

// refAppendAuthHeader is the regexp version of appendAuthHeader.
func refAppendAuthHeader(params []param, h string) ([]param, error) {
	m := refScheme.FindStringSubmatch(h)
	if m == nil || !strings.EqualFold(m[1], "OAuth") {
		return params, nil
	}
	parts := refSplit.Split(m[2], -1)
	for len(parts) > 0 && parts[len(parts)-1] == "" { // Java's String.split
		parts = parts[:len(parts)-1]
	}
	for _, nvp := range parts {
		pm := refPair.FindStringSubmatch(nvp)
		if pm == nil {
			continue
		}
		name, err := formDecode(pm[1])
		if err != nil {
			return nil, fmt.Errorf("jiramock: Authorization header: name %q: %w", pm[1], err)
		}
		value, err := formDecode(pm[2])
		if err != nil {
			return nil, fmt.Errorf("jiramock: Authorization header: %s: %w", name, err)
		}
		if strings.EqualFold(name, "realm") {
			continue
		}
		params = append(params, param{name: name, value: value})
	}
	return params, nil
}

// splitComma splits s with cutComma, dropping trailing empty parts as Java's
// String.split does.
func splitComma(s string) []string {
	var parts []string
	for more := true; more; {
		var p string
		p, s, more = cutComma(s)
		parts = append(parts, p)
	}
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// checkAgainstRegexps fails t when a scanner and its regexp disagree on s.
func checkAgainstRegexps(t *testing.T, s string) {
	t.Helper()
	scheme, rest, ok := cutScheme(s)
	if m := refScheme.FindStringSubmatch(s); m != nil && m[1] != "" {
		if !ok || scheme != m[1] || rest != m[2] {
			t.Fatalf("cutScheme(%q) = %q, %q, %v; the regexp gives %q, %q", s, scheme, rest, ok, m[1], m[2])
		}
	} else if ok && scheme != "" {
		t.Fatalf("cutScheme(%q) = %q, %q; the regexp gives %q", s, scheme, rest, m)
	}
	want := refSplit.Split(s, -1)
	for len(want) > 0 && want[len(want)-1] == "" {
		want = want[:len(want)-1]
	}
	if got := splitComma(s); !slices.Equal(got, want) {
		t.Fatalf("splitComma(%q) = %q; the regexp gives %q", s, got, want)
	}
	name, value, ok := cutPair(s)
	if pm := refPair.FindStringSubmatch(s); (pm != nil) != ok || ok && (name != pm[1] || value != pm[2]) {
		t.Fatalf("cutPair(%q) = %q, %q, %v; the regexp gives %q", s, name, value, ok, pm)
	}
	got, gotErr := appendAuthHeader(nil, s)
	ref, refErr := refAppendAuthHeader(nil, s)
	if !slices.Equal(got, ref) || fmt.Sprint(gotErr) != fmt.Sprint(refErr) {
		t.Fatalf("appendAuthHeader(%q) = %v, %v; the regexps give %v, %v", s, got, gotErr, ref, refErr)
	}
}

// TestAuthScannersMatchRegexps compares the scanners with the regexps on
// random strings built from the bytes that matter to the patterns (white
// space of every kind, quotes, '=', ',', word bytes, '%', a non-ASCII rune
// and an invalid UTF-8 byte), and on fragments of real headers.
func TestAuthScannersMatchRegexps(t *testing.T) {
	pieces := []string{" ", "\t", "\n", "\r", "\f", "\v", `"`, "=", ",", "a", "Z", "_", "0", "%", "%41", "%zz", "+",
		"OAuth", "oauth", "OAUTH", "Basic", "realm", "é", "\xff", `oauth_token="t"`, `a="1"`, ", ", " ,", "-"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkAgainstRegexps(t, b.String())
	}
	for _, s := range []string{"", " ", "OAuth", "OAuth ", " OAuth a=\"1\"", "OAuth a=\"1\"\n", "OAuth\n a=\"1\"",
		`OAuth a="1" ,, b=2 ,c=""`, `OAuth realm="x", a="b=c"`, `OAuth a = "1"`, `OAuth a="x"y"`, `OAuth ="1"`, `OAuth "="1"`} {
		checkAgainstRegexps(t, s)
	}
}

// FuzzAuthScannersMatchRegexps is the same comparison on fuzzed input.
func FuzzAuthScannersMatchRegexps(f *testing.F) {
	for _, s := range []string{`OAuth a="1", b="2"`, " oauth\ta = \"%41\" ,", `OAuth a="1"` + "\n", "\xffOAuth x=\"\""} {
		f.Add(s)
	}
	f.Fuzz(checkAgainstRegexps)
}
