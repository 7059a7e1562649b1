package nodediff

import "strings"

// SameOrMissingMethod accepts equal results, and V8's "x.m is not a
// function" against goja's "Object has no member 'm'" for the same missing
// method: both are a TypeError for a built-in the runtime lacks. Mapping
// goja's wording to V8's is the job of the script runtime's message layer,
// not of the package under test.
func SameOrMissingMethod(node, goja string) bool {
	if node == goja {
		return true
	}
	return strings.HasPrefix(node, "E:TypeError: ") && strings.Contains(node, "is not a function") &&
		strings.HasPrefix(goja, "E:TypeError: Object has no member '")
}
