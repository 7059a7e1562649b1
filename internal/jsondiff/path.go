package jsondiff

import (
	"strconv"
	"strings"
)

// Join appends the member key to path in the notation of the package doc:
// path.key for a key of letters, digits, '_' and the like, path["key"] for a
// key that is empty or holds '.', '[', ']', '"', '$' or a space, which a
// dotted path could not tell apart from nesting.
func Join(path, key string) string {
	if key == "" || strings.ContainsAny(key, `.[]"$ `) {
		return path + "[" + strconv.Quote(key) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// Index appends the array index i to path: path[i].
func Index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}
