// Package didyoumean suggests the flag a user meant when they misspelled
// one, as cobra suggests commands (its SuggestionsMinimumDistance of 2 and
// prefix rule, https://github.com/spf13/cobra/blob/main/command.go
// SuggestionsFor), for the flags that cobra leaves without a suggestion.
package didyoumean

import (
	"regexp"
	"strings"

	"github.com/spf13/pflag"
)

// maxDistance is cobra's default SuggestionsMinimumDistance.
const maxDistance = 2

// unknownFlag matches pflag's "unknown flag: --name" (shorthands are one
// letter: no suggestion for them).
var unknownFlag = regexp.MustCompile(`^unknown flag: --([^ =]+)`)

// Flag returns " (did you mean --NAME?)" for pflag's unknown-flag error msg
// when one of names is within an edit distance of 2 of the flag given, or
// when the flag given is a prefix of exactly one name; "" otherwise.
func Flag(msg string, names []string) string {
	m := unknownFlag.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	typed := strings.ToLower(m[1])
	best, bestDist, prefixed := "", maxDistance+1, []string{}
	for _, n := range names {
		if d := distance(typed, strings.ToLower(n)); d < bestDist {
			best, bestDist = n, d
		}
		if strings.HasPrefix(n, typed) {
			prefixed = append(prefixed, n)
		}
	}
	if best == "" && len(prefixed) == 1 {
		best = prefixed[0]
	}
	if best == "" {
		return ""
	}
	return " (did you mean --" + best + "?)"
}

// distance is the Levenshtein distance of a and b, by bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// FlagSet is Flag with the names of the flags in fs, hidden ones left out.
func FlagSet(msg string, fs *pflag.FlagSet) string {
	var names []string
	fs.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	})
	return Flag(msg, names)
}
