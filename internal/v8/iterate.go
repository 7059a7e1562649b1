package v8

import (
	"regexp"
	"strings"
)

// goja throws "Cannot convert undefined or null to object" or "object is not
// iterable" where V8 says "<expr> is not iterable" (for…of, spread, array
// patterns), and "Value is not object coercible" where V8 says "Cannot
// destructure property 'p' of '<expr>' as it is undefined." (object
// patterns). V8 prints the expression's source (CallPrinter, as for "is not
// a function"). goja's frame for both is on the last name of that expression,
// so it is read back from the source around the frame. goja does not say
// whether the value was undefined or null: undefined is written
// (docs/node-runtime.md "V8 messages and the agent").

var (
	leadName     = regexp.MustCompile(`^(?:[A-Za-z_$][\w$]*|\[\s*'[A-Za-z_$][\w$]*'\s*\]|\[\s*"[A-Za-z_$][\w$]*"\s*\]|'[A-Za-z_$][\w$]*'\s*\]|"[A-Za-z_$][\w$]*"\s*\])`)
	forOfBefore  = regexp.MustCompile(`(?:^|[^\w$])of\s*$`)
	arrayPattern = regexp.MustCompile(`\]\s*=\s*$`)
	objPattern   = regexp.MustCompile(`\}\s*=\s*$`)
	firstKey     = regexp.MustCompile(`^\{\s*([A-Za-z_$][\w$]*|'[^'\\]*'|"[^"\\]*")`)
)

// iterationText rewrites the not-iterable and destructuring forms; ok is
// false when text is neither or the source does not show the expression.
func iterationText(text, before, at string) (string, bool) {
	switch text {
	case "TypeError: Cannot convert undefined or null to object", "TypeError: object is not iterable", "TypeError: Value is not object coercible":
	default:
		return "", false
	}
	expr, prefix, ok := exprAt(before, at)
	if !ok {
		return "", false
	}
	if text == "TypeError: Value is not object coercible" {
		if !objPattern.MatchString(prefix) {
			return "", false
		}
		key, ok := patternKey(strings.TrimRight(prefix, " \t="))
		if !ok {
			return "", false
		}
		return "TypeError: Cannot destructure property '" + key + "' of '" + expr + "' as it is undefined.", true
	}
	if strings.HasSuffix(strings.TrimRight(prefix, " \t"), "...") || forOfBefore.MatchString(prefix) || arrayPattern.MatchString(prefix) {
		return "TypeError: " + expr + " is not iterable", true
	}
	return "", false
}

// exprAt is the name chain that ends with the name at the frame (a, a.b,
// a['b']), in V8's spelling, and the source before it; ok is false when the
// chain does not end there or is the tail of a longer expression.
func exprAt(before, at string) (expr, prefix string, ok bool) {
	name := leadName.FindString(at)
	if name == "" {
		return "", "", false
	}
	if rest := strings.TrimLeft(at[len(name):], " \t"); rest != "" && strings.ContainsAny(rest[:1], ".[(`") {
		return "", "", false
	}
	src := before + name
	c := calleeChain.FindStringSubmatchIndex(src)
	if c == nil || !(wholeCallee(src[:c[2]]) || strings.HasSuffix(src[:c[2]], "...")) {
		return "", "", false
	}
	return v8Chain(src[c[2]:c[3]]), src[:c[2]], true
}

// patternKey is the first property of the object pattern that ends prefix
// (`{p, q}` → p, `{'a-b': x}` → a-b); ok is false for `{}` and `{...r}`.
func patternKey(prefix string) (string, bool) {
	if !strings.HasSuffix(prefix, "}") {
		return "", false
	}
	depth := 0
	for i := len(prefix) - 1; i >= 0; i-- {
		switch prefix[i] {
		case '}':
			depth++
		case '{':
			if depth--; depth == 0 {
				m := firstKey.FindStringSubmatch(prefix[i:])
				if m == nil {
					return "", false
				}
				return strings.Trim(m[1], `'"`), true
			}
		}
	}
	return "", false
}
