package cases

import "encoding/json"

// checkNames reports whether the object obj (valid JSON, starting with '{')
// and the objects below it that n describes have only the fields n lists,
// each once, as scan demands. It reads the bytes directly: obj is known to be
// valid JSON (json.Unmarshal has taken it), so only strings and nesting need
// following, and no token is allocated.
func checkNames(obj []byte, n *node) bool {
	if n == nil {
		return true
	}
	var seen [10]string // schema objects have at most 8 fields
	nseen := 0
	i := 1 // past '{'
	for {
		i = skipSpace(obj, i)
		if obj[i] == '}' {
			return true
		}
		if obj[i] == ',' {
			i = skipSpace(obj, i+1)
		}
		end := stringEnd(obj, i)
		key, ok := unquote(obj[i:end])
		if !ok {
			return false
		}
		child, known := n.fields[key]
		if !known {
			return false
		}
		for _, s := range seen[:nseen] {
			if s == key {
				return false
			}
		}
		if nseen == len(seen) {
			return false // more fields than any schema object has: let scan say
		}
		seen[nseen] = key
		nseen++
		i = skipSpace(obj, end)
		i = skipSpace(obj, i+1) // past ':'
		vend := valueEnd(obj, i)
		if child != nil && obj[i] == '{' && !checkNames(obj[i:vend], child) {
			return false
		}
		i = vend
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// stringEnd returns the index just past the string starting at b[i] == '"'.
func stringEnd(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(b)
}

// valueEnd returns the index just past the value starting at b[i].
func valueEnd(b []byte, i int) int {
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = stringEnd(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return len(b)
	}
	// A number, true, false or null.
	for ; i < len(b); i++ {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			return i
		}
	}
	return len(b)
}

// unquote decodes a JSON string; only a name with escapes needs the decoder.
func unquote(q []byte) (string, bool) {
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
		return "", false
	}
	inner := q[1 : len(q)-1]
	for _, c := range inner {
		if c == '\\' {
			var s string
			return s, json.Unmarshal(q, &s) == nil
		}
	}
	return string(inner), true
}
